import { call, waitFor, type Answer, type Login } from './client'

type Record_ = (step: string, a: Answer) => Answer

function get<T>(value: unknown, ...path: (string | number)[]): T {
  let v: unknown = value
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p]
  return v as T
}

/** Keeps only the datastores named `names` in a datastore list answer. */
function onlyDatastores(a: Answer, names: string[]): Answer {
  const list = get<{ name?: string }[] | undefined>(a.body, 'datastores')
  if (!Array.isArray(list)) return a
  return { ...a, body: { datastores: list.filter((d) => names.includes(d.name ?? '')) } }
}

/**
 * Turns a value into a key, so that the shape comparison (which compares types, not values)
 * sees a different value as a difference: `{ root: 'root' }` → `{ "name=root": true }`.
 */
function valueAsKey(a: Answer, label: string, value: unknown): Answer {
  return { status: a.status, body: { [`${label}=${String(value)}`]: true } }
}

/**
 * Issue 18's cases: where an independent Trove client looks (version discovery, /v1.0 without
 * a token), the admin's datastore list with an inactive version, PostgreSQL's user and database
 * refusals, and the root user name.
 */
export async function runExactnessSteps(ctx: {
  t: string
  tk: string
  admin: Login
  record: Record_
  stamp: string
  active: (id: string) => Promise<Answer>
}) {
  const { t, tk, admin, record, stamp } = ctx
  const origin = new URL(t).origin
  // The Trove root: what precedes /v1.0/{project} in the catalog's endpoint.
  const troveRoot = t.replace(/\/v1\.0\/[^/]+$/, '')

  record('versions: host root, API client', await call('GET', `${origin}/`, undefined))
  record('versions: trove root', await call('GET', `${troveRoot}/`, undefined))
  record('versions: v1.0 without token', await call('GET', `${troveRoot}/v1.0`, undefined))
  record('versions: v1.0/ without token', await call('GET', `${troveRoot}/v1.0/`, undefined))
  record('versions: v1.0/ with a bad token', await call('GET', `${troveRoot}/v1.0/`, 'nope'))

  const dsName = `conf-ds-${stamp}`
  const version = {
    datastore_name: dsName,
    datastore_manager: 'mysql',
    name: '0.1',
    version: '0.1.0',
    image_tags: ['trove'],
    active: false,
    default: false,
    packages: [],
  }
  const created = await call('POST', `${admin.trove}/mgmt/datastore-versions`, admin.token, {
    version,
  })
  record('mgmt: create an inactive version of a new datastore', created)
  record(
    'datastores: admin list shows it, with admin fields',
    onlyDatastores(await call('GET', `${admin.trove}/datastores`, admin.token), [dsName]),
  )
  record(
    'datastores: member list leaves it out',
    onlyDatastores(await call('GET', `${t}/datastores`, tk), [dsName]),
  )
  record(
    'mgmt: re-create the same version',
    await call('POST', `${admin.trove}/mgmt/datastore-versions`, admin.token, { version }),
  )
  const versions = await call('GET', `${admin.trove}/mgmt/datastore-versions`, admin.token)
  for (const v of get<{ id: string; datastore_name: string }[]>(versions.body, 'versions') ?? []) {
    if (v.datastore_name === dsName) {
      await call('DELETE', `${admin.trove}/mgmt/datastore-versions/${v.id}`, admin.token)
    }
  }
  await call('DELETE', `${admin.trove}/datastores/${dsName}`, admin.token)

  const pg = await call('POST', `${t}/instances`, tk, {
    instance: {
      name: `conf-pg-${stamp}`,
      flavorRef: '2',
      volume: { size: 2 },
      datastore: { type: 'postgresql', version: '12' },
    },
  })
  record('postgresql: create', pg)
  const pgId = get<string>(pg.body, 'instance', 'id')
  await ctx.active(pgId)
  const i = `${t}/instances/${pgId}`
  record('postgresql: list databases', await call('GET', `${i}/databases`, tk))
  record(
    'postgresql: create database',
    await call('POST', `${i}/databases`, tk, { databases: [{ name: 'app' }] }),
  )
  record('postgresql: list users', await call('GET', `${i}/users`, tk))
  record(
    'postgresql: create user',
    await call('POST', `${i}/users`, tk, { users: [{ name: 'app', password: 'Secret-123' }] }),
  )
  const root = await call('POST', `${i}/root`, tk, {})
  record('postgresql: enable root', root)
  record('postgresql: root user name', valueAsKey(root, 'name', get(root.body, 'user', 'name')))
  await call('DELETE', i, tk)
  await waitFor(
    'postgresql instance deleted',
    () => call('GET', i, tk),
    (r) => r.status === 404,
  )
}
