import { afterEach, describe, expect, it } from 'vitest'
import {
  configurationListSchema,
  configurationShowSchema,
} from '../../src/api/configurations/schemas'
import { troveFixture, type Session } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const mysql57 = { type: 'mysql', version: '5.7' }
const fault = (code: number, message: string) => {
  const name = { 400: 'badRequest', 404: 'itemNotFound', 422: 'unprocessableEntity' }[code]
  return { [name as string]: { code, message } }
}

async function post(s: Session, configuration: unknown) {
  return fx.t.json('POST', `${s.base}/configurations`, { token: s.token, body: { configuration } })
}
async function postRaw(s: Session, raw: string) {
  return fx.t.json('POST', `${s.base}/configurations`, { token: s.token, rawBody: raw })
}
/** The raw response text (to see number literals such as 2.0). */
async function rawText(s: Session, path: string) {
  const res = await fx.t.app.request(`http://cloud.test:8080${s.base}${path}`, {
    headers: { 'X-Auth-Token': s.token, Host: 'cloud.test:8080' },
  })
  return res.text()
}
async function createGroup(s: Session, values: Record<string, unknown>, extra = {}) {
  const res = await post(s, { name: 'cfg1', values, datastore: mysql57, ...extra })
  expect(res.status).toBe(200)
  return res.body.configuration.id as string
}

describe('configuration values validation (Trove 18 _validate_configuration)', () => {
  it('422 for a wrong type, below min, above max, unknown parameter (transcript messages)', async () => {
    fx = await troveFixture()
    const cases: [Record<string, unknown>, string][] = [
      [
        { max_connections: 'abc' },
        'The value provided for the configuration parameter max_connections is not of type integer.',
      ],
      [
        { max_connections: 0 },
        'The value for the configuration parameter max_connections is less than the minimum allowed: 1',
      ],
      [
        { max_connections: 100001 },
        'The value for the configuration parameter max_connections is greater than the maximum allowed: 100000',
      ],
      [
        { no_such_param: 1 },
        'The configuration parameter no_such_param is not supported for this datastore: mysql 5.7.',
      ],
      [
        { long_query_time: 2 },
        'The value provided for the configuration parameter long_query_time is not of type float.',
      ],
      [
        { max_connections: '200' },
        'The value provided for the configuration parameter max_connections is not of type integer.',
      ],
      [
        { max_connections: 2.5 },
        'The value provided for the configuration parameter max_connections is not of type integer.',
      ],
      [
        { innodb_deadlock_detect: 1 },
        'The value provided for the configuration parameter innodb_deadlock_detect is not of type boolean.',
      ],
      [
        { character_set_server: 8 },
        'The value provided for the configuration parameter character_set_server is not of type string.',
      ],
    ]
    for (const [values, message] of cases) {
      const res = await post(fx.demo, { name: 'cfg-bad', values, datastore: mysql57 })
      expect([res.status, res.body]).toEqual([422, fault(422, message)])
    }
    const list = await fx.t.json('GET', `${fx.demo.base}/configurations`, { token: fx.demo.token })
    expect(list.body.configurations).toEqual([])
  })

  it('accepts true for an integer parameter and echoes it; show converts it to 1', async () => {
    fx = await troveFixture()
    const res = await post(fx.demo, {
      name: 'cfg-bad',
      values: { autocommit: true },
      datastore: mysql57,
    })
    expect(res.status).toBe(200)
    expect(res.body.configuration.values).toEqual({ autocommit: true })
    const show = await fx.t.json(
      'GET',
      `${fx.demo.base}/configurations/${res.body.configuration.id}`,
      {
        token: fx.demo.token,
      },
    )
    expect(show.body.configuration.values).toEqual({ autocommit: 1 })
  })

  it('a float written 2.0 is a float (Python json), echoed and shown as 2.0', async () => {
    fx = await troveFixture()
    const res = await postRaw(
      fx.demo,
      '{"configuration": {"name": "f", "values": {"long_query_time": 2.0}, "datastore": {"type": "mysql", "version": "5.7"}}}',
    )
    expect(res.status).toBe(200)
    const id = res.body.configuration.id as string
    expect(await rawText(fx.demo, `/configurations/${id}`)).toContain('"long_query_time":2.0')
  })

  it('matches keys case-insensitively and the bound check uses exact big integers', async () => {
    fx = await troveFixture()
    const ok = await post(fx.demo, {
      name: 'c',
      values: { MAX_CONNECTIONS: 10, innodb_buffer_pool_size: Number('9007199254740993') },
      datastore: mysql57,
    })
    expect(ok.status).toBe(200)
    const low = await post(fx.demo, {
      name: 'c',
      values: { innodb_buffer_pool_size: 1024 },
      datastore: mysql57,
    })
    expect(low.body).toEqual(
      fault(
        422,
        'The value for the configuration parameter innodb_buffer_pool_size is less than the minimum allowed: 5242880',
      ),
    )
  })

  it('schema violations are 400 "Validation error: …"', async () => {
    fx = await troveFixture()
    const noName = await post(fx.demo, { values: {} })
    expect([noName.status, noName.body]).toEqual([
      400,
      fault(400, "Validation error: configuration 'name' is a required property"),
    ])
    const noValues = await post(fx.demo, { name: 'x' })
    expect(noValues.body).toEqual(
      fault(400, "Validation error: configuration 'values' is a required property"),
    )
    const badValues = await post(fx.demo, { name: 'x', values: [] })
    expect(badValues.body).toEqual(
      fault(400, "Validation error: configuration['values'] [] is not of type 'object'"),
    )
    const noWrapper = await fx.t.json('POST', `${fx.demo.base}/configurations`, {
      token: fx.demo.token,
      body: { name: 'x' },
    })
    expect(noWrapper.body).toEqual(
      fault(400, "Validation error: 'configuration' is a required property"),
    )
  })

  it('an unknown datastore is 404, an unknown version 400; the default datastore is mysql', async () => {
    fx = await troveFixture()
    const ds = await post(fx.demo, { name: 'x', values: {}, datastore: { type: 'nosql' } })
    expect([ds.status, ds.body]).toEqual([404, fault(404, "Datastore 'nosql' cannot be found.")])
    const v = await post(fx.demo, {
      name: 'x',
      values: {},
      datastore: { type: 'mysql', version: '9.9' },
    })
    expect([v.status, v.body]).toEqual([
      400,
      fault(400, "Datastore version '9.9' cannot be found."),
    ])
    const dflt = await post(fx.demo, { name: 'x', values: { max_connections: 10 } })
    expect(dflt.body.configuration).toMatchObject({
      datastore_name: 'mysql',
      datastore_version_name: '5.7',
    })
  })
})

describe('configuration groups CRUD and views', () => {
  it('create, list, show, PATCH merges (200 empty), PUT replaces (202), views match Trove', async () => {
    fx = await troveFixture()
    const res = await post(fx.demo, {
      name: 'cfg1',
      description: 'd',
      values: { max_connections: 200, innodb_buffer_pool_size: 1073741824, long_query_time: 2.5 },
      datastore: mysql57,
    })
    expect(res.status).toBe(200)
    const c = res.body.configuration
    expect(Object.keys(c)).toEqual([
      'id',
      'name',
      'description',
      'values',
      'created',
      'updated',
      'instance_count',
      'datastore_name',
      'datastore_version_id',
      'datastore_version_name',
      'datastore_version_number',
    ])
    expect(c).toMatchObject({
      name: 'cfg1',
      description: 'd',
      values: { max_connections: 200, innodb_buffer_pool_size: 1073741824, long_query_time: 2.5 },
      instance_count: 0,
      datastore_name: 'mysql',
      datastore_version_name: '5.7',
      datastore_version_number: '5.7.29',
      created: '2026-11-23T03:53:15',
    })
    const list = await fx.t.json('GET', `${fx.demo.base}/configurations`, { token: fx.demo.token })
    expect(configurationListSchema.parse(list.body).configurations).toHaveLength(1)
    expect(Object.keys(list.body.configurations[0])).toEqual([
      'id',
      'name',
      'description',
      'created',
      'updated',
      'datastore_version_id',
      'datastore_name',
      'datastore_version_name',
    ])
    const path = `${fx.demo.base}/configurations/${c.id}`
    const show = await fx.t.json('GET', path, { token: fx.demo.token })
    expect(Object.keys(configurationShowSchema.parse(show.body).configuration.values)).toEqual([
      'innodb_buffer_pool_size',
      'long_query_time',
      'max_connections',
    ])

    const patch = await fx.t.json('PATCH', path, {
      token: fx.demo.token,
      body: { configuration: { values: { max_connections: 300 } } },
    })
    expect([patch.status, patch.body]).toEqual([200, null])
    const afterPatch = await fx.t.json('GET', path, { token: fx.demo.token })
    expect(afterPatch.body.configuration.values).toEqual({
      innodb_buffer_pool_size: 1073741824,
      long_query_time: 2.5,
      max_connections: 300,
    })

    const put = await fx.t.json('PUT', path, {
      token: fx.demo.token,
      body: { configuration: { name: 'cfg1b', values: { max_connections: 250 } } },
    })
    expect([put.status, put.body]).toEqual([202, null])
    const afterPut = await fx.t.json('GET', path, { token: fx.demo.token })
    expect(afterPut.body.configuration).toMatchObject({
      name: 'cfg1b',
      description: 'd',
      values: { max_connections: 250 },
    })
    const badPatch = await fx.t.json('PATCH', path, {
      token: fx.demo.token,
      body: { configuration: { values: { max_connections: 0 } } },
    })
    expect(badPatch.status).toBe(422)
    const noValues = await fx.t.json('PUT', path, {
      token: fx.demo.token,
      body: { configuration: { name: 'x' } },
    })
    expect(noValues.body).toEqual(
      fault(400, "Validation error: configuration 'values' is a required property"),
    )
  })

  it('description defaults to null; another tenant cannot see or change a group (404)', async () => {
    fx = await troveFixture()
    const id = await createGroup(fx.demo, { max_connections: 10 })
    const show = await fx.t.json('GET', `${fx.demo.base}/configurations/${id}`, {
      token: fx.demo.token,
    })
    expect(show.body.configuration.description).toBeNull()
    const alt = await fx.t.json('GET', `${fx.alt.base}/configurations/${id}`, {
      token: fx.alt.token,
    })
    expect([alt.status, alt.body]).toEqual([404, fault(404, `Resource ${id} cannot be found.`)])
    const altDel = await fx.t.json('DELETE', `${fx.alt.base}/configurations/${id}`, {
      token: fx.alt.token,
    })
    expect(altDel.status).toBe(404)
    const altList = await fx.t.json('GET', `${fx.alt.base}/configurations`, { token: fx.alt.token })
    expect(altList.body.configurations).toEqual([])
    const otherRegion = await fx.t.json(
      'GET',
      `${fx.t.troveBase(fx.demo.projectId, 'RegionTwo')}/configurations/${id}`,
      { token: fx.demo.token },
    )
    expect(otherRegion.status).toBe(404)
  })

  it('pages by id with limit/marker and a next link', async () => {
    fx = await troveFixture()
    for (let i = 0; i < 3; i++) await createGroup(fx.demo, {})
    const page = await fx.t.json('GET', `${fx.demo.base}/configurations?limit=2`, {
      token: fx.demo.token,
    })
    expect(page.body.configurations).toHaveLength(2)
    const ids = page.body.configurations.map((c: { id: string }) => c.id)
    expect([...ids].sort()).toEqual(ids)
    expect(page.body.links[0].rel).toBe('next')
    expect(page.body.links[0].href).toContain(`marker=${ids[1]}`)
    const rest = await fx.t.json('GET', `${fx.demo.base}/configurations?limit=2&marker=${ids[1]}`, {
      token: fx.demo.token,
    })
    expect(rest.body.configurations).toHaveLength(1)
    expect(rest.body.links).toBeUndefined()
  })

  it('masks secret string values in views', async () => {
    fx = await troveFixture()
    fx.t.store
      .prepare(
        `INSERT INTO datastore_configuration_parameters (id, datastore_version_id, name, data_type,
         restart_required, position) SELECT 'p-secret', datastore_version_id, 'ssl_key_password',
         'string', 0, 999 FROM datastore_configuration_parameters WHERE name = 'max_connections' LIMIT 1`,
      )
      .run()
    const res = await post(fx.demo, {
      name: 's',
      values: { ssl_key_password: 'hunter2' },
      datastore: mysql57,
    })
    expect(res.body.configuration.values).toEqual({ ssl_key_password: '***' })
  })
})

describe('attach, detach, restart required, delete', () => {
  it('attach -> instance_count and /instances; delete refused while attached; detach; delete', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo, { name: 'inst1' })
    const id = await createGroup(fx.demo, { max_connections: 200 })
    const put = await fx.t.json('PUT', `${fx.demo.base}/instances/${inst}`, {
      token: fx.demo.token,
      body: { instance: { configuration: id } },
    })
    expect([put.status, put.body]).toEqual([202, null])
    const shown = await fx.show(fx.demo, inst)
    expect(shown.body.instance.status).toBe('ACTIVE') // max_connections needs no restart
    expect(shown.body.instance.configuration).toMatchObject({ id, name: 'cfg1' })
    const group = await fx.t.json('GET', `${fx.demo.base}/configurations/${id}`, {
      token: fx.demo.token,
    })
    expect(group.body.configuration.instance_count).toBe(1)
    const users = await fx.t.json('GET', `${fx.demo.base}/configurations/${id}/instances`, {
      token: fx.demo.token,
    })
    expect(users.body).toEqual({ instances: [{ id: inst, name: 'inst1' }] })
    const again = await fx.t.json('PUT', `${fx.demo.base}/instances/${inst}`, {
      token: fx.demo.token,
      body: { instance: { configuration: id } },
    })
    expect(again.body).toEqual(
      fault(400, `Instance ${inst} already has a Configuration Group attached: ${id}.`),
    )
    const del = await fx.t.json('DELETE', `${fx.demo.base}/configurations/${id}`, {
      token: fx.demo.token,
    })
    expect([del.status, del.body]).toEqual([
      400,
      fault(
        400,
        'A configuration group cannot be deleted if it is associated with one or more non-terminated instances. Detach the configuration group from all non-terminated instances and please try again.',
      ),
    ])
    const detach = await fx.t.json('PUT', `${fx.demo.base}/instances/${inst}`, {
      token: fx.demo.token,
      body: { instance: { configuration: null } },
    })
    expect(detach.status).toBe(202)
    expect((await fx.show(fx.demo, inst)).body.instance.configuration).toBeUndefined()
    const del2 = await fx.t.json('DELETE', `${fx.demo.base}/configurations/${id}`, {
      token: fx.demo.token,
    })
    expect([del2.status, del2.body]).toEqual([202, null])
    const gone = await fx.t.json('GET', `${fx.demo.base}/configurations/${id}`, {
      token: fx.demo.token,
    })
    expect(gone.status).toBe(404)
  })

  it('an empty {"instance": {}} detaches too', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await createGroup(fx.demo, {})
    await fx.t.json('PUT', `${fx.demo.base}/instances/${inst}`, {
      token: fx.demo.token,
      body: { instance: { configuration: id } },
    })
    const res = await fx.t.json('PUT', `${fx.demo.base}/instances/${inst}`, {
      token: fx.demo.token,
      body: { instance: {} },
    })
    expect(res.status).toBe(202)
    expect((await fx.show(fx.demo, inst)).body.instance.configuration).toBeUndefined()
  })

  it('refuses a group of another datastore version (400, names both) and unknown groups', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await createGroup(fx.demo, {}, { datastore: { type: 'mysql', version: '8.0' } })
    const res = await fx.t.json('PUT', `${fx.demo.base}/instances/${inst}`, {
      token: fx.demo.token,
      body: { instance: { configuration: id } },
    })
    expect(res.status).toBe(400)
    expect(res.body.badRequest.message).toBe(
      'Datastore Version on Configuration mysql 8.0 does not match the Datastore Version on the instance mysql 5.7. Choose a configuration group created for mysql 5.7.',
    )
    const missing = '11111111-2222-3333-4444-555555555555'
    const nf = await fx.t.json('PUT', `${fx.demo.base}/instances/${inst}`, {
      token: fx.demo.token,
      body: { instance: { configuration: missing } },
    })
    expect([nf.status, nf.body]).toEqual([404, fault(404, `Resource ${missing} cannot be found.`)])
  })

  it('restart_required values: attach -> RESTART_REQUIRED until a restart; same on PATCH', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo)
    const id = await createGroup(fx.demo, { innodb_buffer_pool_size: 268435456 })
    await fx.t.json('PUT', `${fx.demo.base}/instances/${inst}`, {
      token: fx.demo.token,
      body: { instance: { configuration: id } },
    })
    const after = await fx.show(fx.demo, inst)
    expect([after.body.instance.status, after.body.instance.operating_status]).toEqual([
      'RESTART_REQUIRED',
      '',
    ])
    const restart = await fx.action(fx.demo, inst, { restart: {} })
    expect(restart.status).toBe(202)
    expect((await fx.show(fx.demo, inst)).body.instance.status).toBe('REBOOT')
    fx.t.advance(3)
    const back = await fx.show(fx.demo, inst)
    expect([back.body.instance.status, back.body.instance.operating_status]).toEqual([
      'ACTIVE',
      'HEALTHY',
    ])
    // A live-applied key leaves it ACTIVE; a restart-required one marks it again.
    const path = `${fx.demo.base}/configurations/${id}`
    await fx.t.json('PATCH', path, {
      token: fx.demo.token,
      body: { configuration: { values: { max_connections: 50 } } },
    })
    expect((await fx.show(fx.demo, inst)).body.instance.status).toBe('ACTIVE')
    await fx.t.json('PUT', path, {
      token: fx.demo.token,
      body: { configuration: { values: { max_connections: 50, innodb_log_file_size: 100663296 } } },
    })
    expect((await fx.show(fx.demo, inst)).body.instance.status).toBe('RESTART_REQUIRED')
  })

  it('GET /instances/{id}/configuration renders the defaults for the flavor', async () => {
    fx = await troveFixture()
    const inst = await fx.active(fx.demo, { flavorRef: '2' })
    const res = await fx.t.json('GET', `${fx.demo.base}/instances/${inst}/configuration`, {
      token: fx.demo.token,
    })
    expect(res.status).toBe(200)
    expect(res.body.instance.configuration).toMatchObject({
      port: 3306,
      innodb_buffer_pool_size: '600M',
      key_buffer_size: '200M',
      max_allowed_packet: '4096K',
      max_connections: 400,
      table_open_cache: 1024,
      open_files_limit: 2048,
      performance_schema: 'ON',
    })
    expect(res.body.instance.configuration.server_id).toEqual(expect.any(Number))
    const alt = await fx.t.json('GET', `${fx.alt.base}/instances/${inst}/configuration`, {
      token: fx.alt.token,
    })
    expect(alt.status).toBe(404)
  })
})
