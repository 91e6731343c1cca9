import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { instanceShowSchema } from '../../src/api/instances/schemas'
import { count, troveFixture } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const ok = {
  name: 'x',
  flavorRef: '2',
  volume: { size: 1 },
  datastore: { type: 'mysql', version: '5.7' },
}

describe('POST /instances', () => {
  it('creates an instance in BUILD with the detail view', async () => {
    fx = await troveFixture()
    const res = await fx.create(fx.demo, {
      name: 'inst1',
      flavorRef: '2',
      volume: { size: 2 },
      datastore: { type: 'mysql', version: '5.7' },
    })
    expect(res.status).toBe(200)
    const inst = instanceShowSchema.parse(res.body).instance
    expect(inst).toMatchObject({
      name: 'inst1',
      status: 'BUILD',
      operating_status: '',
      flavor: { id: '2' },
      datastore: { type: 'mysql', version: '5.7', version_number: '5.7.29' },
      region: 'RegionOne',
      access: {},
      volume: { size: 2 },
      created: '2026-11-23T03:53:15',
      updated: '2026-11-23T03:53:15',
      service_status_updated: '2026-11-23T03:53:15',
    })
    expect(inst.links?.[0]?.href).toBe(`http://cloud.test:8080${fx.demo.base}/instances/${inst.id}`)
    expect(inst.tenant_id).toBeUndefined()
    expect(Object.keys(res.body.instance)).toEqual([
      'id',
      'name',
      'status',
      'operating_status',
      'links',
      'flavor',
      'datastore',
      'region',
      'access',
      'volume',
      'created',
      'updated',
      'service_status_updated',
    ])
  })

  it('uses the default datastore and version, or the version number', async () => {
    fx = await troveFixture()
    const a = await fx.create(fx.demo, { name: 'a', flavorRef: 1, volume: { size: '3' } })
    expect(a.body.instance.datastore).toEqual({
      type: 'mysql',
      version: '5.7',
      version_number: '5.7.29',
    })
    expect(a.body.instance.volume).toEqual({ size: 3 })
    const b = await fx.create(fx.demo, {
      ...ok,
      datastore: { type: 'postgresql', version_number: '13.8' },
    })
    expect(b.body.instance.datastore).toEqual({
      type: 'postgresql',
      version: '13',
      version_number: '13.8',
    })
  })

  it('answers an empty body and malformed JSON with 400', async () => {
    fx = await troveFixture()
    const empty = await fx.t.json('POST', `${fx.demo.base}/instances`, {
      token: fx.demo.token,
      rawBody: '',
    })
    expect(empty.status).toBe(400)
    expect(empty.body.badRequest.message).toMatch(/empty/)
    const bad = await fx.t.json('POST', `${fx.demo.base}/instances`, {
      token: fx.demo.token,
      rawBody: '{not json',
    })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({
      message: 'Malformed request body<br /><br />\n\n\n',
      code: '400 Bad Request',
      title: 'Bad Request',
    })
  })

  it('accepts every documented field when valid', async () => {
    fx = await troveFixture()
    const res = await fx.create(fx.demo, {
      name: 'full',
      flavorRef: 'http://cloud.test/flavors/3',
      volume: { size: 5, type: 'ssd' },
      datastore: { type: 'mysql', version: '8.0' },
      databases: [{ name: 'app', character_set: 'utf8mb4', collate: 'utf8mb4_general_ci' }],
      users: [{ name: 'appuser', password: 'pw', host: '%', databases: [{ name: 'app' }] }],
      nics: [{ 'net-id': '11111111-1111-4111-8111-111111111111' }],
      availability_zone: 'nova',
      locality: 'anti-affinity',
      access: { is_public: true, allowed_cidrs: ['10.0.0.0/8', '2001:db8::/32'] },
      region_name: 'RegionOne',
    })
    expect(res.status).toBe(200)
    expect(res.body.instance).toMatchObject({
      flavor: { id: '3' },
      volume: { size: 5 },
      locality: 'anti-affinity',
      access: { is_public: true, allowed_cidrs: ['10.0.0.0/8', '2001:db8::/32'] },
    })
    expect(count(fx.t, 'instance_users')).toBe(1)
    fx.t.advance(10)
    const shown = await fx.show(fx.demo, res.body.instance.id)
    expect(shown.body.instance.addresses.map((a: { type: string }) => a.type)).toEqual([
      'private',
      'public',
    ])
    expect(shown.body.instance.addresses[0].network).toBe('11111111-1111-4111-8111-111111111111')
    // As real Trove 18: no volume type in the view, no network key on the floating IP entry.
    expect(shown.body.instance.volume).not.toHaveProperty('type')
    expect(shown.body.instance.addresses[1]).not.toHaveProperty('network')
    expect(res.body.instance.volume).not.toHaveProperty('type')
  })

  it('creates replicas of an ACTIVE instance, copying flavor, datastore and volume', async () => {
    fx = await troveFixture()
    const src = await fx.active(fx.demo, {
      flavorRef: '3',
      volume: { size: 4 },
      datastore: { type: 'postgresql' },
    })
    const res = await fx.create(fx.demo, { name: 'rep', replica_of: src, replica_count: 2 })
    expect(res.status).toBe(200)
    expect(res.body.instance).toMatchObject({
      name: 'rep-1',
      flavor: { id: '3' },
      volume: { size: 4 },
      datastore: { type: 'postgresql', version: '12' },
      replica_of: { id: src },
    })
    const source = await fx.show(fx.demo, src)
    expect(source.body.instance.replicas).toHaveLength(2)
    const ofReplica = await fx.create(fx.demo, { name: 'rr', replica_of: res.body.instance.id })
    expect(ofReplica.status).toBe(401)
    expect(ofReplica.body.unauthorized.message).toBe(
      `Cannot create a replica of a replica ${res.body.instance.id}`,
    )
    // a replica source cannot be deleted while it has replicas
    const del = await fx.t.json('DELETE', `${fx.demo.base}/instances/${src}`, {
      token: fx.demo.token,
    })
    expect(del.status).toBe(403)
  })

  it('refuses a replica of a source that is not ACTIVE (422)', async () => {
    fx = await troveFixture()
    const src = (await fx.create(fx.demo, ok)).body.instance.id
    const res = await fx.create(fx.demo, { name: 'rep', replica_of: src })
    expect(res.status).toBe(422)
    expect(res.body.unprocessableEntity.message).toBe(
      `Instance ${src} is not currently available for an action to be performed (instance status was BUILD).`,
    )
  })

  it('checks backups: completed, same project', async () => {
    fx = await troveFixture()
    const ins = fx.t.store.prepare(
      "INSERT INTO backups (id, project_id, region, name, status, size, created, updated) VALUES (?, ?, 'RegionOne', 'b', ?, 1, 0, 0)",
    )
    ins.run('55555555-5555-5555-5555-555555555555', fx.demo.projectId, 'NEW')
    ins.run('66666666-6666-6666-6666-666666666666', fx.alt.projectId, 'COMPLETED')
    ins.run('77777777-7777-7777-7777-777777777777', fx.demo.projectId, 'COMPLETED')
    const notDone = await fx.create(fx.demo, {
      ...ok,
      restorePoint: { backupRef: '55555555-5555-5555-5555-555555555555' },
    })
    expect(notDone.status).toBe(409)
    expect(notDone.body.conflict.message).toMatch(/is not completed. Actual state: NEW./)
    const foreign = await fx.create(fx.demo, {
      ...ok,
      restorePoint: { backupRef: '66666666-6666-6666-6666-666666666666' },
    })
    expect(foreign.status).toBe(404)
    const good = await fx.create(fx.demo, {
      ...ok,
      restorePoint: { backupRef: '77777777-7777-7777-7777-777777777777' },
    })
    expect(good.status).toBe(200)
  })

  it('enforces quotas per project with 413 and the Trove message', async () => {
    fx = await troveFixture()
    fx.t.store
      .prepare(
        "INSERT INTO quotas (project_id, region, resource, hard_limit) VALUES (?, 'RegionOne', 'instances', 2)",
      )
      .run(fx.demo.projectId)
    expect((await fx.create(fx.demo, ok)).status).toBe(200)
    expect((await fx.create(fx.demo, ok)).status).toBe(200)
    const before = count(fx.t, 'instances')
    const over = await fx.create(fx.demo, ok)
    expect(over.status).toBe(413)
    expect(over.body).toEqual({
      overLimit: { code: 413, message: "Quota exceeded for resources: ['instances']." },
    })
    expect(count(fx.t, 'instances')).toBe(before)
    // other projects and regions are not affected
    expect((await fx.create(fx.alt, ok)).status).toBe(200)
    expect((await fx.create(fx.demo, ok, 'RegionTwo')).status).toBe(200)
    // volume GB quota
    fx.t.store
      .prepare(
        "INSERT INTO quotas (project_id, region, resource, hard_limit) VALUES (?, 'RegionOne', 'volumes', 10)",
      )
      .run(fx.alt.projectId)
    const vol = await fx.create(fx.alt, { ...ok, volume: { size: 10 } })
    expect(vol.body).toEqual({
      overLimit: { code: 413, message: "Quota exceeded for resources: ['volumes']." },
    })
  })
})

describe('POST /instances refusals', () => {
  const refusals: [string, Record<string, unknown> | unknown, number, string | RegExp][] = [
    [
      'name missing',
      { instance: { flavorRef: '2', volume: { size: 1 } } },
      400,
      "Validation error: instance 'name' is a required property",
    ],
    [
      'name blank',
      { instance: { ...ok, name: '  ' } },
      400,
      /^Validation error: instance\['name'\]/,
    ],
    [
      'flavorRef missing',
      { instance: { name: 'x', volume: { size: 1 } } },
      400,
      'Resource None cannot be found.',
    ],
    [
      'flavorRef unknown',
      { instance: { ...ok, flavorRef: '999' } },
      400,
      'Resource 999 cannot be found.',
    ],
    [
      'flavorRef bad type',
      { instance: { ...ok, flavorRef: true } },
      400,
      /^Validation error: instance\['flavorRef'\]/,
    ],
    [
      'volume missing',
      { instance: { name: 'x', flavorRef: '2' } },
      400,
      'Volume size was not specified.',
    ],
    [
      'volume size 0',
      { instance: { ...ok, volume: { size: 0 } } },
      400,
      /^Validation error: instance\['volume'\]\['size'\] 0 /,
    ],
    [
      'volume size text',
      { instance: { ...ok, volume: { size: 'ten' } } },
      400,
      /instance\['volume'\]\['size'\]/,
    ],
    [
      'volume too big',
      { instance: { ...ok, volume: { size: 101 } } },
      413,
      "Volume 'size' cannot exceed maximum of 100 GB, 101 cannot be accepted.",
    ],
    [
      'unknown datastore',
      { instance: { ...ok, datastore: { type: 'nosuch' } } },
      404,
      "Datastore 'nosuch' cannot be found.",
    ],
    [
      'unknown version',
      { instance: { ...ok, datastore: { type: 'mysql', version: '9.9' } } },
      400,
      "Datastore version '9.9' cannot be found.",
    ],
    [
      'inactive version',
      { instance: { ...ok, datastore: { type: 'mariadb', version: '10.11' } } },
      400,
      "Datastore version '10.11' is not active.",
    ],
    [
      'version number mismatch',
      {
        instance: { ...ok, datastore: { type: 'mysql', version: '5.7', version_number: '8.0.30' } },
      },
      400,
      "Datastore version '5.7' cannot be found.",
    ],
    [
      'user db not listed',
      {
        instance: {
          ...ok,
          users: [{ name: 'u1', password: 'p', databases: [{ name: 'notlisted' }] }],
        },
      },
      400,
      'The request indicates that user u1 should have access to database notlisted, but database notlisted is not included in the initial databases list.',
    ],
    [
      'duplicate databases',
      { instance: { ...ok, databases: [{ name: 'db1' }, { name: 'db1' }] } },
      400,
      /Two or more databases share the same name/,
    ],
    [
      'duplicate users',
      {
        instance: {
          ...ok,
          users: [
            { name: 'u', password: 'p' },
            { name: 'u', password: 'q' },
          ],
        },
      },
      400,
      /Two or more users share the same name and host/,
    ],
    [
      'bad database name',
      { instance: { ...ok, databases: [{ name: 'bad name!' }] } },
      400,
      "'bad name!' is not a valid schema name.",
    ],
    [
      'user name too long',
      { instance: { ...ok, users: [{ name: 'u'.repeat(17), password: 'p' }] } },
      400,
      /is too long. Max length = 16./,
    ],
    [
      'user without password',
      { instance: { ...ok, users: [{ name: 'u' }] } },
      400,
      "Validation error: instance['users'][0] 'password' is a required property",
    ],
    [
      'two nics',
      {
        instance: {
          ...ok,
          nics: [
            { 'net-id': '11111111-1111-1111-1111-111111111111' },
            { 'net-id': '11111111-1111-1111-1111-111111111111' },
          ],
        },
      },
      400,
      /instance\['nics'\]/,
    ],
    [
      'nic bad uuid',
      { instance: { ...ok, nics: [{ 'net-id': 'abc' }] } },
      400,
      "Validation error: instance['nics'][0]['net-id'] 'abc' does not match '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'",
    ],
    [
      'nic bad ip',
      {
        instance: {
          ...ok,
          nics: [{ 'net-id': '11111111-1111-1111-1111-111111111111', ip_address: '300.1.1.1' }],
        },
      },
      400,
      /\['ip_address'\]/,
    ],
    [
      'nic extra key',
      { instance: { ...ok, nics: [{ foo: 1 }] } },
      400,
      /Additional properties are not allowed \('foo' was unexpected\)/,
    ],
    [
      'availability_zone empty',
      { instance: { ...ok, availability_zone: '' } },
      400,
      /instance\['availability_zone'\]/,
    ],
    [
      'locality',
      { instance: { ...ok, locality: 'nearby' } },
      400,
      "Invalid locality 'nearby'. Must be one of ['affinity', 'anti-affinity']",
    ],
    [
      'access is_public',
      { instance: { ...ok, access: { is_public: 'yes' } } },
      400,
      /instance\['access'\]\['is_public'\]/,
    ],
    [
      'access cidr',
      { instance: { ...ok, access: { allowed_cidrs: ['10.0.0.0/8', 'not-a-cidr'] } } },
      400,
      "Validation error: instance['access']['allowed_cidrs'][1] 'not-a-cidr' is not a 'cidr'",
    ],
    [
      'access cidr v6 prefix',
      { instance: { ...ok, access: { allowed_cidrs: ['2001:db8::/129'] } } },
      400,
      /is not a 'cidr'/,
    ],
    [
      'configuration unknown',
      { instance: { ...ok, configuration: '11111111-1111-1111-1111-111111111111' } },
      404,
      'Resource 11111111-1111-1111-1111-111111111111 cannot be found.',
    ],
    [
      'configuration not uuid',
      { instance: { ...ok, configuration: 'abc' } },
      400,
      /instance\['configuration'\]/,
    ],
    [
      'backup unknown',
      { instance: { ...ok, restorePoint: { backupRef: '22222222-2222-2222-2222-222222222222' } } },
      404,
      'Resource 22222222-2222-2222-2222-222222222222 cannot be found.',
    ],
    [
      'backup ref missing',
      { instance: { ...ok, restorePoint: {} } },
      400,
      "Validation error: instance['restorePoint'] 'backupRef' is a required property",
    ],
    [
      'replica_of unknown',
      { instance: { name: 'r', replica_of: '33333333-3333-3333-3333-333333333333' } },
      404,
      'Resource 33333333-3333-3333-3333-333333333333 cannot be found.',
    ],
    [
      'replica_of with flavor',
      { instance: { ...ok, replica_of: '33333333-3333-3333-3333-333333333333' } },
      400,
      'Cannot specify flavor when creating replicas.',
    ],
    [
      'replica_count without replica_of',
      { instance: { ...ok, replica_count: 2 } },
      400,
      'Replica count only valid when creating replicas. Cannot create 2 instances.',
    ],
    [
      'replica_count too big',
      { instance: { ...ok, replica_count: 4 } },
      400,
      /instance\['replica_count'\] 4 is greater than the maximum of 3/,
    ],
    [
      'module unknown',
      { instance: { ...ok, modules: [{ id: '44444444-4444-4444-4444-444444444444' }] } },
      404,
      'Resource 44444444-4444-4444-4444-444444444444 cannot be found.',
    ],
    ['region_name elsewhere', { instance: { ...ok, region_name: 'RegionTwo' } }, 400, /RegionTwo/],
    ['body not an object', [1, 2], 400, /must be a JSON object/],
    [
      'instance not an object',
      { instance: 'x' },
      400,
      "Validation error: instance 'x' is not of type 'object'",
    ],
    ['no instance key', {}, 400, "Validation error: 'instance' is a required property"],
  ]

  let rfx: Awaited<ReturnType<typeof troveFixture>>
  beforeAll(async () => {
    rfx = await troveFixture()
  })
  afterAll(() => rfx.t.close())

  it.each(refusals)(
    'refuses %s without writing anything',
    async (_label, body, status, message) => {
      const before = [
        count(rfx.t, 'instances'),
        count(rfx.t, 'tasks'),
        count(rfx.t, 'events'),
        count(rfx.t, 'instance_users'),
      ]
      const res = await rfx.t.json('POST', `${rfx.demo.base}/instances`, {
        token: rfx.demo.token,
        body,
      })
      expect(res.status).toBe(status)
      const fault = { 400: 'badRequest', 404: 'itemNotFound', 413: 'overLimit' }[
        status as 400 | 404 | 413
      ]
      expect(Object.keys(res.body)).toEqual([fault])
      expect(res.body[fault!].code).toBe(status)
      if (typeof message === 'string') expect(res.body[fault!].message).toBe(message)
      else expect(res.body[fault!].message).toMatch(message)
      expect([
        count(rfx.t, 'instances'),
        count(rfx.t, 'tasks'),
        count(rfx.t, 'events'),
        count(rfx.t, 'instance_users'),
      ]).toEqual(before)
    },
  )
})
