import { afterEach, describe, expect, it } from 'vitest'
import {
  mgmtHostListSchema,
  mgmtInstanceListSchema,
  mgmtInstanceShowSchema,
  mgmtParameterListSchema,
  mgmtVersionListSchema,
  quotaShowSchema,
} from '../../src/api/mgmt/schemas'
import { mgmtActionRefusal } from '../../src/api/rules/mgmt-actions'
import { troveFixture, type Session } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const ADMIN_401 = { unauthorized: { code: 401, message: 'User does not have admin privileges.' } }
const UUID = '11111111-2222-3333-4444-555555555555'

const call = (s: Session, method: string, path: string, body?: unknown) =>
  fx.t.json(method, `${s.base}${path}`, { token: s.token, body })
const mgmtAction = (id: string, body: unknown) =>
  call(fx.admin, 'POST', `/mgmt/instances/${id}/action`, body)
const mgmtShow = async (id: string) =>
  (await call(fx.admin, 'GET', `/mgmt/instances/${id}`)).body.instance
const versionId = (name: string, ds = 'mysql') =>
  (
    fx.t.store
      .prepare(
        `SELECT v.id FROM datastore_versions v JOIN datastores d ON d.id = v.datastore_id
         WHERE v.name = ? AND d.name = ?`,
      )
      .get(name, ds) as { id: string }
  ).id

describe('admin guard', () => {
  it('refuses every /mgmt endpoint to a member with 401 unauthorized, exactly as Trove does', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const v = versionId('5.7')
    const param = {
      'configuration-parameter': { name: 'x', data_type: 'string', restart_required: 0 },
    }
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/mgmt/instances'],
      ['GET', `/mgmt/instances?project_id=${fx.alt.projectId}`],
      ['GET', `/mgmt/instances/${inst}`],
      ['GET', `/mgmt/instances/${inst}/root`],
      ['POST', `/mgmt/instances/${inst}/action`, { stop: {} }],
      ['POST', `/mgmt/instances/${inst}/action`, { reboot: {} }],
      ['POST', `/mgmt/instances/${inst}/action`, { migrate: {} }],
      ['POST', `/mgmt/instances/${inst}/action`, { 'reset-task-status': {} }],
      ['POST', `/mgmt/instances/${inst}/action`, { rebuild: { image_id: UUID } }],
      ['GET', '/mgmt/datastore-versions'],
      ['GET', `/mgmt/datastore-versions/${v}`],
      ['POST', '/mgmt/datastore-versions', { version: { name: 'n' } }],
      ['PATCH', `/mgmt/datastore-versions/${v}`, { active: false }],
      ['DELETE', `/mgmt/datastore-versions/${v}`],
      ['GET', `/mgmt/datastores/versions/${v}/parameters`],
      ['GET', `/mgmt/datastores/versions/${v}/parameters/max_connections`],
      ['POST', `/mgmt/datastores/versions/${v}/parameters`, param],
      ['PUT', `/mgmt/datastores/versions/${v}/parameters/max_connections`, param],
      ['DELETE', `/mgmt/datastores/versions/${v}/parameters/max_connections`],
      ['PUT', `/mgmt/quotas/${fx.demo.projectId}`, { quotas: { instances: 100 } }],
    ]
    for (const [method, path, body] of endpoints) {
      const res = await call(fx.demo, method, path, body)
      expect({ method, path, status: res.status, body: res.body }).toEqual({
        method,
        path,
        status: 401,
        body: ADMIN_401,
      })
    }
    // Nothing changed behind the refusals.
    expect((await fx.show(fx.demo, inst)).body.instance.status).toBe('ACTIVE')
    expect((await call(fx.admin, 'GET', `/mgmt/datastore-versions/${v}`)).body.version.active).toBe(
      true,
    )
  })

  it('lets a member read only their own quota (403 for another project) and not delete datastores', async () => {
    fx = await troveFixture()
    expect((await call(fx.demo, 'GET', `/mgmt/quotas/${fx.demo.projectId}`)).status).toBe(200)
    const other = await call(fx.demo, 'GET', `/mgmt/quotas/${fx.alt.projectId}`)
    expect(other.status).toBe(403)
    expect(other.body).toEqual({
      forbidden: { code: 403, message: `Operation not allowed for tenant ${fx.demo.projectId}.` },
    })
    const del = await call(fx.demo, 'DELETE', '/datastores/mysql')
    expect(del.body).toEqual({
      forbidden: { code: 403, message: "Policy doesn't allow datastore:delete to be performed." },
    })
  })
})

describe('mgmt instances', () => {
  it('lists every project with admin fields, newest first, filtered by project_id and deleted', async () => {
    fx = await troveFixture()
    const a = await fx.active(fx.demo, { name: 'from-demo' })
    fx.t.advance(1)
    const b = await fx.active(fx.alt, { name: 'from-alt' })
    const res = await call(fx.admin, 'GET', '/mgmt/instances')
    expect(res.status).toBe(200)
    expect(mgmtInstanceListSchema.safeParse(res.body).success).toBe(true)
    const ids = res.body.instances.map((i: { id: string }) => i.id)
    expect(ids.indexOf(b)).toBeLessThan(ids.indexOf(a))
    const alt = res.body.instances.find((i: { id: string }) => i.id === b)
    expect(alt).toMatchObject({
      name: 'from-alt',
      status: 'ACTIVE',
      operating_status: 'HEALTHY',
      tenant_id: fx.alt.projectId,
      server_id: expect.any(String),
      volume_id: expect.any(String),
      encrypted_rpc_messaging: true,
      server: {
        id: alt.server_id,
        name: 'from-alt',
        status: 'ACTIVE',
        tenant_id: fx.alt.projectId,
        host: expect.stringMatching(/^compute-/),
      },
      service_status: 'HEALTHY',
      deleted: false,
      deleted_at: null,
      task_description: 'No tasks for the instance.',
      volume: { size: 2 },
    })

    const onlyAlt = await call(fx.admin, 'GET', `/mgmt/instances?project_id=${fx.alt.projectId}`)
    expect(onlyAlt.body.instances.map((i: { id: string }) => i.id)).toEqual([b])

    expect(
      (await fx.t.json('DELETE', `${fx.alt.base}/instances/${b}`, { token: fx.alt.token })).status,
    ).toBe(202)
    fx.t.advance(10)
    const live = await call(fx.admin, 'GET', '/mgmt/instances?deleted=false')
    expect(live.body.instances.map((i: { id: string }) => i.id)).not.toContain(b)
    const gone = await call(fx.admin, 'GET', '/mgmt/instances?deleted=true')
    expect(gone.body.instances).toHaveLength(1)
    expect(gone.body.instances[0]).toMatchObject({ id: b, status: 'SHUTDOWN', deleted: true })
    expect(gone.body.instances[0].deleted_at).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('shows one instance with server addresses, volume detail, guest status; 404 when unknown', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const res = await call(fx.admin, 'GET', `/mgmt/instances/${id}`)
    expect(res.status).toBe(200)
    expect(mgmtInstanceShowSchema.safeParse(res.body).success).toBe(true)
    const i = res.body.instance
    expect(i.server.addresses.length).toBeGreaterThan(0)
    expect(i.server).toMatchObject({ deleted: false, deleted_at: null, local_id: 0 })
    expect(i.volume).toMatchObject({
      id: i.volume_id,
      size: 2,
      status: 'in-use',
      attachments: [{ server_id: i.server_id, device: 'vdb' }],
    })
    expect(i.guest_status).toEqual({ state_description: 'healthy' })
    const missing = await call(fx.admin, 'GET', `/mgmt/instances/${UUID}`)
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({
      itemNotFound: { code: 404, message: `Resource ${UUID} cannot be found.` },
    })
  })

  it('shows root history: Never/Nobody, then when and by whom root was first enabled', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const before = await call(fx.admin, 'GET', `/mgmt/instances/${id}/root`)
    expect(before.body).toEqual({ root_history: { id, enabled: 'Never', user: 'Nobody' } })
    expect((await call(fx.demo, 'POST', `/instances/${id}/root`)).status).toBe(200)
    const after = await call(fx.admin, 'GET', `/mgmt/instances/${id}/root`)
    expect(after.body.root_history).toMatchObject({ id, enabled: expect.stringMatching(/T/) })
    expect(after.body.root_history.user).not.toBe('Nobody')
    expect((await mgmtShow(id)).root_enabled_by).toBe(after.body.root_history.user)
  })
})

describe('mgmt instance pages and hosts', () => {
  it('pages with limit/marker in the unpaged order and links the next page; all without limit', async () => {
    fx = await troveFixture()
    const ids: string[] = []
    for (let n = 0; n < 3; n++) ids.push(await fx.active(fx.demo, { name: `p${n}` }))
    ids.push(await fx.active(fx.alt, { name: 'p3' }))
    const all = (await call(fx.admin, 'GET', '/mgmt/instances')).body
    expect(all.links).toBeUndefined()
    const order = all.instances.map((i: { id: string }) => i.id)
    expect(order).toHaveLength(4)
    const seen: string[] = []
    let path = '/mgmt/instances?limit=3'
    for (;;) {
      const res = await call(fx.admin, 'GET', path)
      expect(mgmtInstanceListSchema.safeParse(res.body).success).toBe(true)
      seen.push(...res.body.instances.map((i: { id: string }) => i.id))
      const next = res.body.links?.find((l: { rel: string }) => l.rel === 'next')
      if (!next) break
      const url = new URL(next.href)
      path = `/mgmt/instances?${url.searchParams.toString()}`
    }
    expect(seen).toEqual(order)
    const one = await call(
      fx.admin,
      'GET',
      `/mgmt/instances?limit=1&project_id=${fx.alt.projectId}`,
    )
    expect(one.body.instances.map((i: { name: string }) => i.name)).toEqual(['p3'])
    expect(one.body.links).toBeUndefined()
    const bad = await call(fx.admin, 'GET', '/mgmt/instances?limit=0')
    expect(bad.body).toEqual({
      badRequest: { code: 400, message: "Invalid limit '0': it must be a positive integer." },
    })
  })

  it('lists compute hosts with live instance counts; a migrate moves one; members get 401', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const hosts = async () =>
      mgmtHostListSchema.parse((await call(fx.admin, 'GET', '/mgmt/hosts')).body).hosts
    const before = await hosts()
    expect(before.map((h) => h.name)).toEqual(['compute-001', 'compute-002', 'compute-003'])
    expect(before.reduce((n, h) => n + (h.instanceCount ?? 0), 0)).toBe(1)
    const from = (await mgmtShow(id)).server.host as string
    const to = before.find((h) => h.name !== from)?.name as string
    expect((await mgmtAction(id, { migrate: { host: to } })).status).toBe(202)
    fx.t.advance(16)
    const after = await hosts()
    expect(after.find((h) => h.name === to)?.instanceCount).toBe(1)
    expect(after.find((h) => h.name === from)?.instanceCount).toBe(0)
    expect((await call(fx.demo, 'GET', '/mgmt/hosts')).body).toEqual(ADMIN_401)
  })
})

describe('mgmt instance actions', () => {
  it('stop shuts the database down at once (operating status SHUTDOWN, no task)', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const res = await mgmtAction(id, { stop: {} })
    expect(res.status).toBe(202)
    const i = await mgmtShow(id)
    expect([i.status, i.operating_status, i.service_status]).toEqual([
      'ACTIVE',
      'SHUTDOWN',
      'SHUTDOWN',
    ])
  })

  it('reboot shows REBOOT and settles ACTIVE/HEALTHY; the tenant sees the same statuses', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    await mgmtAction(id, { stop: {} })
    expect((await mgmtAction(id, { reboot: {} })).status).toBe(202)
    expect((await mgmtShow(id)).task_description).toBe('Rebooting the instance.')
    expect((await fx.show(fx.demo, id)).body.instance.status).toBe('REBOOT')
    fx.t.advance(3)
    expect((await mgmtShow(id)).status).toBe('REBOOT')
    fx.t.advance(4)
    const i = await mgmtShow(id)
    expect([i.status, i.operating_status]).toEqual(['ACTIVE', 'HEALTHY'])
  })

  it('migrate shows RESIZE, moves the server to another host (or the one asked) and settles', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const host = (await mgmtShow(id)).server.host
    expect((await mgmtAction(id, { migrate: {} })).status).toBe(202)
    const moving = await mgmtShow(id)
    expect([moving.status, moving.task_description]).toEqual(['RESIZE', 'Migrating the instance.'])
    const busy = await mgmtAction(id, { migrate: {} })
    expect(busy.status).toBe(422)
    expect(busy.body.unprocessableEntity.message).toBe(
      `Instance ${id} is not currently available for an action to be performed (instance status was RESIZE).`,
    )
    fx.t.advance(16)
    const moved = await mgmtShow(id)
    expect(moved.status).toBe('ACTIVE')
    expect(moved.server.host).not.toBe(host)
    expect((await mgmtAction(id, { migrate: { host } })).status).toBe(202)
    fx.t.advance(16)
    expect((await mgmtShow(id)).server.host).toBe(host)
    const unknown = await mgmtAction(id, { migrate: { host: 'nowhere' } })
    expect(unknown.status).toBe(400)
    expect(unknown.body.badRequest.message).toMatch(/^Compute host nowhere cannot be found/)
  })

  it('reset-task-status ends a stuck task and fails running backups', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    await mgmtAction(id, { reboot: {} })
    expect((await mgmtAction(id, { 'reset-task-status': {} })).status).toBe(202)
    const i = await mgmtShow(id)
    expect([i.status, i.task_description]).toEqual(['ACTIVE', 'No tasks for the instance.'])
    fx.t.advance(10) // the reboot task was dropped: nothing moves it again
    expect((await mgmtShow(id)).status).toBe('ACTIVE')

    const b = await call(fx.demo, 'POST', '/backups', { backup: { name: 'bk', instance: id } })
    expect(b.status).toBe(202)
    await mgmtAction(id, { 'reset-task-status': {} })
    const backup = await call(fx.demo, 'GET', `/backups/${b.body.backup.id}`)
    expect(backup.body.backup.status).toBe('FAILED')
  })

  it('rebuild shows BUILD and comes back ACTIVE; validates the image id', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    expect((await mgmtAction(id, { rebuild: { image_id: UUID } })).status).toBe(202)
    expect((await mgmtShow(id)).status).toBe('BUILD')
    fx.t.advance(6)
    expect((await mgmtShow(id)).status).toBe('ACTIVE')
    const bad = await mgmtAction(id, { rebuild: { image_id: 'nope' } })
    expect(bad.body).toEqual({
      badRequest: {
        code: 400,
        message:
          "Validation error: rebuild['image_id'] 'nope' does not match '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'",
      },
    })
    const missing = await mgmtAction(id, { rebuild: {} })
    expect(missing.body.badRequest.message).toBe(
      "Validation error: rebuild 'image_id' is a required property",
    )
  })

  it('refuses what the shared rule disables (src/api/rules/mgmt-actions.ts), and nothing changes', async () => {
    fx = await troveFixture()
    const res = await fx.create(fx.demo, { name: 'db1', flavorRef: '2', volume: { size: 2 } })
    const id = res.body.instance.id as string
    const building = await mgmtShow(id)
    for (const action of ['reboot', 'rebuild', 'migrate'] as const) {
      const rule = mgmtActionRefusal(action, building)
      expect(rule?.cloudRefuses).toBe(true)
      const body = action === 'rebuild' ? { rebuild: { image_id: UUID } } : { [action]: {} }
      const refused = await mgmtAction(id, body)
      expect(refused.status).toBe(422)
      expect(refused.body.unprocessableEntity.message).toContain('not currently available')
    }
    expect((await mgmtShow(id)).task_description).toBe(building.task_description)
    fx.t.advance(10)
    const settled = await mgmtShow(id)
    expect(mgmtActionRefusal('reboot', settled)).toBeNull()
    expect((await mgmtAction(id, { reboot: {} })).status).toBe(202)
  })

  it('answers Trove 400s for bad action bodies and 404 for unknown instances', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const cases: [unknown, string][] = [
      [{ bogus: {} }, 'Invalid instance action: bogus'],
      [{ stop: {}, reboot: {} }, 'Only one action can be specified per request.'],
      [{ stop: 'x' }, "Validation error: stop 'x' is not of type 'object'"],
      [{}, 'Invalid request body.'],
    ]
    for (const [body, message] of cases) {
      const res = await mgmtAction(id, body)
      expect(res.body).toEqual({ badRequest: { code: 400, message } })
    }
    expect((await mgmtAction(UUID, { stop: {} })).status).toBe(404)
  })
})

describe('mgmt datastore versions', () => {
  const create = (version: Record<string, unknown>) =>
    call(fx.admin, 'POST', '/mgmt/datastore-versions', { version })
  const base = {
    datastore_name: 'mysql',
    datastore_manager: 'mysql',
    name: '5.7-custom',
    image_tags: ['trove'],
    active: true,
    default: false,
    packages: [],
    version: '5.7.30',
  }
  const mgmtVersion = async (name: string, ds = 'mysql') =>
    (await call(fx.admin, 'GET', '/mgmt/datastore-versions')).body.versions.find(
      (v: { name: string; datastore_name: string }) => v.name === name && v.datastore_name === ds,
    )
  const tenantVersions = async (ds = 'mysql') =>
    (await call(fx.demo, 'GET', `/datastores/${ds}/versions`)).body.versions?.map(
      (v: { name: string }) => v.name,
    )

  it('lists every version in the mgmt view', async () => {
    fx = await troveFixture()
    const res = await call(fx.admin, 'GET', '/mgmt/datastore-versions')
    expect(mgmtVersionListSchema.safeParse(res.body).success).toBe(true)
    expect(res.body.versions.find((v: { name: string }) => v.name === '5.7')).toMatchObject({
      datastore_name: 'mysql',
      datastore_manager: 'mysql',
      image_tags: [''],
      packages: [''],
      active: true,
    })
    const show = await call(fx.admin, 'GET', `/mgmt/datastore-versions/${versionId('5.7')}`)
    expect(show.body.version.name).toBe('5.7')
    const missing = await call(fx.admin, 'GET', '/mgmt/datastore-versions/nope')
    expect(missing.body).toEqual({
      badRequest: { code: 400, message: "Datastore version 'nope' cannot be found." },
    })
  })

  it('creates, patches (active/default/name) and deletes; tenants see it at once', async () => {
    fx = await troveFixture()
    expect((await create(base)).status).toBe(202)
    const v = await mgmtVersion('5.7-custom')
    expect(v).toMatchObject({
      version: '5.7.30',
      image: null,
      image_tags: ['trove'],
      active: true,
      default: false,
    })
    expect(await tenantVersions()).toContain('5.7-custom')

    expect(
      (await call(fx.admin, 'PATCH', `/mgmt/datastore-versions/${v.id}`, { active: false })).status,
    ).toBe(202)
    expect(await tenantVersions()).not.toContain('5.7-custom')
    const launch = await fx.create(fx.demo, {
      name: 'x',
      flavorRef: '2',
      volume: { size: 1 },
      datastore: { type: 'mysql', version: '5.7-custom' },
    })
    expect(launch.status).toBe(400)

    const defaultInactive = await call(fx.admin, 'PATCH', `/mgmt/datastore-versions/${v.id}`, {
      default: true,
    })
    expect(defaultInactive.body).toEqual({
      badRequest: { code: 400, message: "Datastore version '5.7-custom' is not active." },
    })

    await call(fx.admin, 'PATCH', `/mgmt/datastore-versions/${v.id}`, {
      active: true,
      default: true,
      name: '5.7-renamed',
      image: UUID,
    })
    expect(await mgmtVersion('5.7-renamed')).toMatchObject({
      active: true,
      default: true,
      image: UUID,
    })
    const ds = await call(fx.demo, 'GET', '/datastores/mysql')
    expect(ds.body.datastore.default_version).toBe(v.id)

    expect((await call(fx.admin, 'DELETE', `/mgmt/datastore-versions/${v.id}`)).status).toBe(202)
    expect(await mgmtVersion('5.7-renamed')).toBeUndefined()
    expect(
      (await call(fx.demo, 'GET', '/datastores/mysql')).body.datastore.default_version,
    ).toBeUndefined()
  })

  it('creates a datastore with its first version, and deletes it once it has none', async () => {
    fx = await troveFixture()
    await create({ ...base, datastore_name: 'newdb', datastore_manager: 'mysql', name: '1.0' })
    expect(await tenantVersions('newdb')).toEqual(['1.0'])
    const v = await mgmtVersion('1.0', 'newdb')
    const blocked = await call(fx.admin, 'DELETE', '/datastores/newdb')
    expect(blocked.body).toEqual({
      badRequest: { code: 400, message: 'Datastore versions exist for datastore newdb.' },
    })
    await call(fx.admin, 'DELETE', `/mgmt/datastore-versions/${v.id}`)
    expect((await call(fx.admin, 'DELETE', '/datastores/newdb')).status).toBe(202)
    expect((await call(fx.admin, 'DELETE', '/datastores/newdb')).body).toEqual({
      itemNotFound: { code: 404, message: "Datastore 'newdb' cannot be found." },
    })
  })

  it('lists a datastore whose only version is inactive to admins (with admin fields), not to members', async () => {
    fx = await troveFixture()
    const req = { ...base, datastore_name: 'idle', datastore_manager: 'mysql', name: '0.1' }
    expect((await create({ ...req, active: false })).status).toBe(202)
    const adminList = await call(fx.admin, 'GET', '/datastores')
    const idle = adminList.body.datastores.find((d: { name: string }) => d.name === 'idle')
    expect(idle.versions).toHaveLength(1)
    expect(idle.versions[0]).toMatchObject({
      name: '0.1',
      active: false,
      image_tags: ['trove'],
      image: null,
    })
    expect(idle.versions[0]).toHaveProperty('packages')
    expect(idle.versions[0]).toHaveProperty('image')
    const mysql = adminList.body.datastores.find((d: { name: string }) => d.name === 'mysql')
    expect(mysql.versions.every((v: { active: boolean }) => v.active === true)).toBe(true)
    const memberList = await call(fx.demo, 'GET', '/datastores')
    const names = memberList.body.datastores.map((d: { name: string }) => d.name)
    expect(names).not.toContain('idle')
    const memberVersion = memberList.body.datastores[0].versions[0]
    expect(memberVersion).not.toHaveProperty('active')
    expect(memberVersion).not.toHaveProperty('image')
    expect((await call(fx.admin, 'GET', '/datastores/idle/versions')).body.versions).toHaveLength(1)
    expect((await call(fx.demo, 'GET', '/datastores/idle/versions')).body.versions).toHaveLength(0)
    // Re-creating the same version keeps Trove's answer.
    expect((await create({ ...req, active: false })).body).toEqual({
      badRequest: { code: 400, message: "The datastore version '0.1(5.7.30)' already exists." },
    })
  })

  it('validates create and edit bodies like Trove', async () => {
    fx = await troveFixture()
    await create(base)
    const cases: [Record<string, unknown>, string][] = [
      [base, "The datastore version '5.7-custom(5.7.30)' already exists."],
      [{ ...base, name: 'n2', image_tags: undefined }, 'Image must be specified.'],
      [
        { ...base, name: 'n2', datastore_manager: undefined },
        "Validation error: version 'datastore_manager' is a required property",
      ],
      [
        { ...base, name: 'n2', bogus: 1 },
        "Validation error: version Additional properties are not allowed ('bogus' was unexpected)",
      ],
      [
        { ...base, name: 'n2', image_tags: ['a', 'b', 'c', 'd', 'e', 'f'] },
        "Validation error: version['image_tags'] ['a', 'b', 'c', 'd', 'e', 'f'] is too long",
      ],
    ]
    for (const [version, message] of cases) {
      const res = await create(version)
      expect(res.body).toEqual({ badRequest: { code: 400, message } })
    }
    const inUse = await fx.active(fx.demo)
    void inUse
    const del = await call(fx.admin, 'DELETE', `/mgmt/datastore-versions/${versionId('5.7')}`)
    expect(del.body).toEqual({
      badRequest: { code: 400, message: 'Datastore version is in use by instance.' },
    })
    const patch = await call(fx.admin, 'PATCH', `/mgmt/datastore-versions/${versionId('5.7')}`, {
      version: { active: true },
    })
    expect(patch.body.badRequest.message).toBe(
      "Validation error: Additional properties are not allowed ('version' was unexpected)",
    )
  })
})

describe('mgmt configuration parameters', () => {
  const path = () => `/mgmt/datastores/versions/${versionId('5.7')}/parameters`
  const body = (p: Record<string, unknown>) => ({ 'configuration-parameter': p })

  it('registers, updates and deletes parameters the tenant configuration API validates against', async () => {
    fx = await troveFixture()
    const list = await call(fx.admin, 'GET', path())
    expect(mgmtParameterListSchema.safeParse(list.body).success).toBe(true)
    const created = await call(
      fx.admin,
      'POST',
      path(),
      body({
        name: 'h8_limit',
        data_type: 'integer',
        min_size: '5',
        max_size: '50',
        restart_required: 0,
      }),
    )
    expect(created.status).toBe(200)
    expect(created.body).toEqual({
      name: 'h8_limit',
      datastore_version_id: versionId('5.7'),
      restart_required: false,
      type: 'integer',
      max_size: 50,
      min_size: 5,
    })
    const tenant = await call(
      fx.demo,
      'GET',
      `/datastores/versions/${versionId('5.7')}/parameters/h8_limit`,
    )
    expect(tenant.body).toMatchObject({ name: 'h8_limit', max: 50, min: 5, type: 'integer' })

    const group = (values: Record<string, unknown>) =>
      call(fx.demo, 'POST', '/configurations', {
        configuration: { name: 'g', values, datastore: { type: 'mysql', version: '5.7' } },
      })
    expect((await group({ h8_limit: 99 })).body.unprocessableEntity.message).toMatch(
      /configuration parameter h8_limit is greater than the maximum allowed: 50$/,
    )
    expect((await group({ h8_limit: 10 })).status).toBe(200)

    const updated = await call(
      fx.admin,
      'PUT',
      `${path()}/h8_limit`,
      body({ name: 'h8_limit', data_type: 'string', restart_required: 1 }),
    )
    expect(updated.body).toEqual({
      name: 'h8_limit',
      datastore_version_id: versionId('5.7'),
      restart_required: true,
      type: 'string',
    })
    expect((await call(fx.admin, 'DELETE', `${path()}/h8_limit`)).status).toBe(204)
    expect(
      (await call(fx.demo, 'GET', `/datastores/versions/${versionId('5.7')}/parameters/h8_limit`))
        .status,
    ).toBe(404)
    expect((await call(fx.admin, 'DELETE', `${path()}/h8_limit`)).body).toEqual({
      badRequest: { code: 400, message: 'Parameter h8_limit does not exist in the database.' },
    })
    // Deleted parameters can be registered again.
    expect(
      (
        await call(
          fx.admin,
          'POST',
          path(),
          body({ name: 'h8_limit', data_type: 'string', restart_required: 0 }),
        )
      ).status,
    ).toBe(200)
  })

  it('keeps every data type, 2^64-1 and "no maximum" exactly (console extensions)', async () => {
    fx = await troveFixture()
    const raw = async (method: string, url: string, b: unknown) => {
      const res = await fx.t.app.request(`http://cloud.test:8080${fx.admin.base}${url}`, {
        method,
        headers: { 'X-Auth-Token': fx.admin.token, 'Content-Type': 'application/json' },
        body: JSON.stringify(b),
      })
      return { status: res.status, text: await res.text() }
    }
    const stored = (name: string) =>
      fx.t.store
        .prepare(
          'SELECT data_type, min_size, max_size FROM datastore_configuration_parameters WHERE name = ? AND deleted = 0',
        )
        .get(name)
    const big = await raw(
      'POST',
      path(),
      body({
        name: 'h8_big',
        data_type: 'integer',
        min_size: '-9223372036854775808',
        max_size: '18446744073709551615',
        restart_required: 0,
      }),
    )
    expect(big.status).toBe(200)
    expect(big.text).toContain('"max_size":18446744073709551615')
    expect(big.text).toContain('"min_size":-9223372036854775808')
    expect(stored('h8_big')).toEqual({
      data_type: 'integer',
      min_size: '-9223372036854775808',
      max_size: '18446744073709551615',
    })
    const listed = await fx.t.app.request(`http://cloud.test:8080${fx.admin.base}${path()}`, {
      headers: { 'X-Auth-Token': fx.admin.token },
    })
    expect(await listed.text()).toContain('"max_size":18446744073709551615')

    // No maximum: the view leaves max_size out, the store keeps null.
    const open = await raw(
      'PUT',
      `${path()}/h8_big`,
      body({ name: 'h8_big', data_type: 'integer', min_size: '1', restart_required: 1 }),
    )
    expect(JSON.parse(open.text)).toEqual({
      name: 'h8_big',
      datastore_version_id: versionId('5.7'),
      restart_required: true,
      type: 'integer',
      min_size: 1,
    })
    expect(stored('h8_big')).toEqual({ data_type: 'integer', min_size: '1', max_size: null })

    const flag = await raw(
      'POST',
      path(),
      body({ name: 'h8_flag', data_type: 'boolean', restart_required: 0 }),
    )
    expect(JSON.parse(flag.text)).toMatchObject({ type: 'boolean' })
    expect(JSON.parse(flag.text)).not.toHaveProperty('max_size')
    const ratio = await raw(
      'POST',
      path(),
      body({
        name: 'h8_ratio',
        data_type: 'float',
        min_size: '0.25',
        max_size: '10.5',
        restart_required: 0,
      }),
    )
    expect(ratio.text).toContain('"max_size":10.5')
    expect(ratio.text).toContain('"min_size":0.25')
    expect(stored('h8_ratio')).toEqual({ data_type: 'float', min_size: '0.25', max_size: '10.5' })
    const text = await raw(
      'POST',
      path(),
      body({
        name: 'h8_text',
        data_type: 'string',
        min_size: '1',
        max_size: '2',
        restart_required: 0,
      }),
    )
    expect(JSON.parse(text.text)).toEqual({
      name: 'h8_text',
      datastore_version_id: versionId('5.7'),
      restart_required: false,
      type: 'string',
    })

    // Configuration groups validate against the kept types.
    const group = (values: Record<string, unknown>) =>
      call(fx.demo, 'POST', '/configurations', {
        configuration: { name: 'g', values, datastore: { type: 'mysql', version: '5.7' } },
      })
    expect((await group({ h8_flag: true, h8_big: 99999 })).status).toBe(200)
    expect((await group({ h8_flag: 'yes' })).status).toBe(422)
  })

  it('validates type, min and max like Trove', async () => {
    fx = await troveFixture()
    const cases: [Record<string, unknown>, string][] = [
      [
        { name: 'p', data_type: 'decimal', restart_required: 0 },
        "Validation error: configuration-parameter['data_type'] 'decimal' does not match 'integer|string|boolean|float'",
      ],
      [
        {
          name: 'p',
          data_type: 'integer',
          min_size: '0',
          max_size: '18446744073709551616',
          restart_required: 0,
        },
        "Invalid max_size '18446744073709551616': At most 18446744073709551615 either way.",
      ],
      [
        { name: 'p', data_type: 'float', min_size: '2.5', max_size: '2.25', restart_required: 0 },
        'max_size must be greater than or equal to min_size.',
      ],
      [
        { name: 'p', data_type: 'integer', min_size: '10', max_size: '1', restart_required: 0 },
        'max_size must be greater than or equal to min_size.',
      ],
      [
        { name: 'p', data_type: 'integer', max_size: '1', restart_required: 0 },
        'min_size is required for integer data type.',
      ],
      [
        { data_type: 'integer', restart_required: 2 },
        "Validation error: configuration-parameter 'name' is a required property; configuration-parameter['restart_required'] 2 is greater than the maximum of 1",
      ],
      [
        { name: 'max_connections', data_type: 'string', restart_required: 0 },
        `max_connections parameter already exists for datastore version ${versionId('5.7')}.`,
      ],
    ]
    for (const [p, message] of cases) {
      const res = await call(fx.admin, 'POST', path(), body(p))
      expect(res.body).toEqual({ badRequest: { code: 400, message } })
    }
    const noVersion = await call(fx.admin, 'GET', '/mgmt/datastores/versions/nope/parameters')
    expect(noVersion.body.badRequest.message).toBe("Datastore version 'nope' cannot be found.")
    const unknown = await call(
      fx.admin,
      'PUT',
      `${path()}/nope`,
      body({ name: 'nope', data_type: 'string', restart_required: 1 }),
    )
    expect(unknown.body).toEqual({
      itemNotFound: { code: 404, message: 'Resource nope cannot be found.' },
    })
  })
})

describe('mgmt quotas', () => {
  it('shows resource, in_use, reserved and limit for any project; updates with Trove errors', async () => {
    fx = await troveFixture()
    await fx.active(fx.alt)
    const q = `/mgmt/quotas/${fx.alt.projectId}`
    const show = await call(fx.admin, 'GET', q)
    expect(quotaShowSchema.safeParse(show.body).success).toBe(true)
    expect(show.body.quotas.map((r: { resource: string }) => r.resource)).toEqual([
      'instances',
      'ram',
      'backups',
      'volumes',
    ])
    expect(show.body.quotas[0]).toMatchObject({ resource: 'instances', in_use: 1, reserved: 0 })

    const put = await call(fx.admin, 'PUT', q, { quotas: { instances: 1, ram: null } })
    expect(put.body).toEqual({ quotas: { instances: 1 } })
    expect((await call(fx.alt, 'GET', q)).body.quotas[0].limit).toBe(1)
    const over = await fx.create(fx.alt, { name: 'over', flavorRef: '2', volume: { size: 1 } })
    expect(over.body).toEqual({
      overLimit: { code: 413, message: "Quota exceeded for resources: ['instances']." },
    })

    expect((await call(fx.admin, 'PUT', q, { quotas: { foo: 3 } })).body).toEqual({
      itemNotFound: { code: 404, message: 'Unknown quota resources foo.' },
    })
    expect((await call(fx.admin, 'PUT', q, { quotas: { instances: -5 } })).body).toEqual({
      badRequest: {
        code: 400,
        message: "Quota limit '-5' for 'instances' is too small - must be at least '-1'.",
      },
    })
    expect((await call(fx.admin, 'PUT', q, {})).body).toEqual({
      badRequest: { code: 400, message: 'Invalid request body.' },
    })
    expect((await call(fx.admin, 'PUT', q, { quotas: { instances: 'x' } })).status).toBe(400)
    expect((await call(fx.admin, 'GET', q)).body.quotas[0].limit).toBe(1)
  })
})

describe('backups of all projects', () => {
  it('lets an admin list every project (all_projects) or one (project_id); members get 403', async () => {
    fx = await troveFixture()
    const a = await fx.active(fx.demo)
    const b = await fx.active(fx.alt)
    await call(fx.demo, 'POST', '/backups', { backup: { name: 'bd', instance: a } })
    await call(fx.alt, 'POST', '/backups', { backup: { name: 'ba', instance: b } })
    fx.t.advance(12)
    const all = await call(fx.admin, 'GET', '/backups?all_projects=true')
    expect(all.body.backups.map((x: { name: string }) => x.name).sort()).toEqual(['ba', 'bd'])
    const one = await call(fx.admin, 'GET', `/backups?project_id=${fx.alt.projectId}`)
    expect(one.body.backups.map((x: { name: string }) => x.name)).toEqual(['ba'])
    expect((await call(fx.demo, 'GET', '/backups?all_projects=true')).body).toEqual({
      forbidden: {
        code: 403,
        message: "Policy doesn't allow backup:index:all_projects to be performed.",
      },
    })
  })
})
