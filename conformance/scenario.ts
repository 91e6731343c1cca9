import { call, authBody, login, waitFor, type Answer } from './client'
import { shapeOf, type Shape } from './shape'
import { runExactnessSteps } from './exactness-steps'

export interface StepResult {
  step: string
  status: number
  shape: Shape
  /** The answer's body as received (for transcripts). */
  body: unknown
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000'

/**
 * Keeps only the scenario's own resources in a list answer: a cloud that is not fresh (the
 * reference cloud after the Playwright suite) lists other instances whose optional fields
 * (fault, configuration) would make the comparison about data instead of shape.
 */
function focus(a: Answer, key: string, ids: string[]): Answer {
  const body = a.body as Record<string, unknown> | null
  const list = body?.[key]
  if (!body || !Array.isArray(list)) return a
  const own = list.filter((x: { id?: unknown }) => typeof x.id === 'string' && ids.includes(x.id))
  return { ...a, body: { ...body, [key]: own } }
}

function get<T>(value: unknown, ...path: (string | number)[]): T {
  let v: unknown = value
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p]
  return v as T
}

/**
 * One scenario over the whole surface the console uses: auth, datastores, flavors, create (and
 * its errors), list + pagination, show, resize, restart, busy 422, backup, configuration, users,
 * databases, limits, the admin API and its refusal, delete. Run against one cloud, it records
 * each step's status and body shape.
 */
/**
 * Deletes the backups other suites left in the project (not part of the comparison): the scenario
 * makes two, and the reference cloud allows a project five (`max_backups_per_tenant`).
 */
async function clearBackups(trove: string, token: string): Promise<void> {
  const ids = (a: Answer) =>
    ((a.body as { backups?: { id: string }[] } | null)?.backups ?? []).map((b) => b.id)
  const left = ids(await call('GET', `${trove}/backups`, token))
  for (const id of left) await call('DELETE', `${trove}/backups/${id}`, token)
  if (left.length === 0) return
  // One still running cannot be deleted: the scenario goes on and says so if its own is refused.
  await waitFor(
    'leftover backups gone',
    () => call('GET', `${trove}/backups`, token),
    (a) => ids(a).length === 0,
    60_000,
  ).catch(() => undefined)
}

export async function runScenario(keystone: string, log: (line: string) => void) {
  const results: StepResult[] = []
  const record = (step: string, a: Answer) => {
    results.push({ step, status: a.status, shape: shapeOf(a.body), body: a.body })
    log(`  ${a.status} ${step}`)
    return a
  }
  const stamp = Date.now().toString(36)

  record(
    'auth: wrong password',
    await call('POST', `${keystone}/auth/tokens`, undefined, authBody('demo', 'nope')),
  )
  const tokenAnswer = await call('POST', `${keystone}/auth/tokens`, undefined, authBody('demo'))
  record('auth: password, project scope', tokenAnswer)
  const demo = await login(keystone, 'demo')
  const alt = await login(keystone, 'alt')
  const admin = await login(keystone, 'admin')
  const t = demo.trove
  const tk = demo.token
  await clearBackups(t, tk)

  record('datastores: list', await call('GET', `${t}/datastores`, tk))
  record('datastores: mysql versions', await call('GET', `${t}/datastores/mysql/versions`, tk))
  record('datastores: unknown', await call('GET', `${t}/datastores/nosuchds`, tk))
  record('datastores: unknown version', await call('GET', `${t}/datastores/mysql/versions/9.9`, tk))
  record(
    'datastores: parameters',
    await call('GET', `${t}/datastores/mysql/versions/5.7/parameters`, tk),
  )
  record('flavors: list', await call('GET', `${t}/flavors`, tk))
  record('flavors: show', await call('GET', `${t}/flavors/2`, tk))
  record('flavors: unknown', await call('GET', `${t}/flavors/999`, tk))

  const base = { flavorRef: '2', volume: { size: 2 }, datastore: { type: 'mysql', version: '5.7' } }
  record(
    'create: no name',
    await call('POST', `${t}/instances`, tk, { instance: { ...base, name: undefined } }),
  )
  record(
    'create: unknown flavor',
    await call('POST', `${t}/instances`, tk, {
      instance: { ...base, name: 'x', flavorRef: '999' },
    }),
  )
  record(
    'create: volume 0',
    await call('POST', `${t}/instances`, tk, {
      instance: { ...base, name: 'x', volume: { size: 0 } },
    }),
  )
  record(
    'create: bad nic',
    await call('POST', `${t}/instances`, tk, {
      instance: { ...base, name: 'x', nics: [{ 'net-id': 'abc' }] },
    }),
  )
  record(
    'create: unknown version',
    await call('POST', `${t}/instances`, tk, {
      instance: { ...base, name: 'x', datastore: { type: 'mysql', version: '9.9' } },
    }),
  )
  const a = record(
    'create',
    await call('POST', `${t}/instances`, tk, { instance: { ...base, name: `conf-a-${stamp}` } }),
  )
  const b = record(
    'create: second',
    await call('POST', `${t}/instances`, tk, { instance: { ...base, name: `conf-b-${stamp}` } }),
  )
  const idA = get<string>(a.body, 'instance', 'id')
  const idB = get<string>(b.body, 'instance', 'id')

  record('instances: show while building', await call('GET', `${t}/instances/${idA}`, tk))
  const mine = [idA, idB]
  record(
    'instances: list, limit 1',
    focus(await call('GET', `${t}/instances?limit=1`, tk), 'instances', mine),
  )
  record(
    'instances: detail, limit 1',
    focus(await call('GET', `${t}/instances/detail?limit=1`, tk), 'instances', mine),
  )
  record('instances: unknown', await call('GET', `${t}/instances/${ZERO_UUID}`, tk))
  record(
    'instances: another project in the URL',
    await call('GET', `${t.replace(demo.projectId, alt.projectId)}/instances`, tk),
  )
  record(
    'instances: another project’s id',
    await call('GET', `${alt.trove}/instances/${idA}`, alt.token),
  )

  const active = (id: string) =>
    waitFor(
      `${id} ACTIVE`,
      () => call('GET', `${t}/instances/${id}`, tk),
      (r) => get(r.body, 'instance', 'status') === 'ACTIVE',
    )
  record('instances: show when active', await active(idA))
  await active(idB)

  record(
    'resize volume',
    await call('POST', `${t}/instances/${idA}/action`, tk, { resize: { volume: { size: 3 } } }),
  )
  record(
    'restart while busy',
    await call('POST', `${t}/instances/${idA}/action`, tk, { restart: {} }),
  )
  await active(idA)
  record(
    'resize to the same flavor',
    await call('POST', `${t}/instances/${idA}/action`, tk, { resize: { flavorRef: '2' } }),
  )
  record('restart', await call('POST', `${t}/instances/${idA}/action`, tk, { restart: {} }))
  await active(idA)

  const bk = record(
    'backup: create',
    await call('POST', `${t}/backups`, tk, { backup: { name: `conf-bk-${stamp}`, instance: idA } }),
  )
  const bkId = get<string>(bk.body, 'backup', 'id')
  record(
    'backup: completed',
    await waitFor(
      'backup COMPLETED',
      () => call('GET', `${t}/backups/${bkId}`, tk),
      (r) => get(r.body, 'backup', 'status') === 'COMPLETED',
    ),
  )
  record('backups: list', focus(await call('GET', `${t}/backups`, tk), 'backups', [bkId]))
  await active(idA)
  // A second backup to delete now: Trove answers 202 and its task manager removes it a moment
  // later, so it still shows right after the answer.
  const bk2 = await call('POST', `${t}/backups`, tk, {
    backup: { name: `conf-bk2-${stamp}`, instance: idA },
  })
  if (bk2.status !== 202)
    throw new Error(`the second backup was refused: ${bk2.status} ${JSON.stringify(bk2.body)}`)
  const bk2Id = get<string>(bk2.body, 'backup', 'id')
  await waitFor(
    'backup COMPLETED',
    () => call('GET', `${t}/backups/${bk2Id}`, tk),
    (r) => get(r.body, 'backup', 'status') === 'COMPLETED',
  )
  await active(idA)
  record('backup: delete', await call('DELETE', `${t}/backups/${bk2Id}`, tk))
  record('backup: still shown right after delete', await call('GET', `${t}/backups/${bk2Id}`, tk))
  record(
    'backup: gone after delete',
    await waitFor(
      'backup deleted',
      () => call('GET', `${t}/backups/${bk2Id}`, tk),
      (r) => r.status === 404,
    ),
  )

  const cfg = record(
    'configuration: create',
    await call('POST', `${t}/configurations`, tk, {
      configuration: {
        name: `conf-cfg-${stamp}`,
        values: { max_connections: 200 },
        datastore: { type: 'mysql', version: '5.7' },
      },
    }),
  )
  const cfgId = get<string>(cfg.body, 'configuration', 'id')
  record('configuration: show', await call('GET', `${t}/configurations/${cfgId}`, tk))
  record(
    'configuration: wrong type',
    await call('PATCH', `${t}/configurations/${cfgId}`, tk, {
      configuration: { values: { max_connections: 'many' } },
    }),
  )
  record(
    'configuration: above max',
    await call('PATCH', `${t}/configurations/${cfgId}`, tk, {
      configuration: { values: { max_connections: 1e9 } },
    }),
  )
  record(
    'configuration: attach',
    await call('PUT', `${t}/instances/${idA}`, tk, { instance: { configuration: cfgId } }),
  )
  record(
    'configuration: instances',
    await call('GET', `${t}/configurations/${cfgId}/instances`, tk),
  )

  record(
    'databases: create',
    await call('POST', `${t}/instances/${idB}/databases`, tk, { databases: [{ name: 'confdb' }] }),
  )
  record('databases: list', await call('GET', `${t}/instances/${idB}/databases`, tk))
  record(
    'databases: bad name',
    await call('POST', `${t}/instances/${idB}/databases`, tk, {
      databases: [{ name: 'bad name!' }],
    }),
  )
  record(
    'users: create',
    await call('POST', `${t}/instances/${idB}/users`, tk, {
      users: [{ name: 'confuser', password: 'Secret-123', databases: [{ name: 'confdb' }] }],
    }),
  )
  record('users: list', await call('GET', `${t}/instances/${idB}/users`, tk))
  record(
    'users: duplicate',
    await call('POST', `${t}/instances/${idB}/users`, tk, {
      users: [{ name: 'confuser', password: 'Secret-123' }],
    }),
  )
  record('users: unknown', await call('GET', `${t}/instances/${idB}/users/nouser`, tk))

  await runExactnessSteps({ t, tk, admin, record, stamp, active })

  record('limits', await call('GET', `${t}/limits`, tk))
  record('mgmt: as a member', await call('GET', `${t}/mgmt/instances`, tk))
  record(
    'mgmt: as admin',
    focus(await call('GET', `${admin.trove}/mgmt/instances`, admin.token), 'instances', mine),
  )

  for (const id of [idA, idB]) record('delete', await call('DELETE', `${t}/instances/${id}`, tk))

  record(
    'instances: gone after delete',
    await waitFor(
      'deleted',
      () => call('GET', `${t}/instances/${idA}`, tk),
      (r) => r.status === 404,
    ),
  )
  await waitFor(
    'deleted',
    () => call('GET', `${t}/instances/${idB}`, tk),
    (r) => r.status === 404,
  )
  await call('DELETE', `${t}/configurations/${cfgId}`, tk)
  await call('DELETE', `${t}/backups/${bkId}`, tk)
  return results
}
