import { afterEach, describe, expect, it } from 'vitest'
import { parameterListSchema } from '../../src/api/parameters/schemas'
import { troveFixture } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

async function text(path: string, token: string) {
  const res = await fx.t.app.request(`http://cloud.test:8080${path}`, {
    headers: { 'X-Auth-Token': token, Host: 'cloud.test:8080' },
  })
  return { status: res.status, text: await res.text() }
}

describe('datastore version parameters', () => {
  it('lists mysql 5.7 parameters as Trove does (order, view, min 0 omitted)', async () => {
    fx = await troveFixture()
    const res = await fx.t.json('GET', `${fx.demo.base}/datastores/mysql/versions/5.7/parameters`, {
      token: fx.demo.token,
    })
    expect(res.status).toBe(200)
    const list = parameterListSchema.parse(res.body)['configuration-parameters']
    expect(list).toHaveLength(102)
    const versionId = list[0]!.datastore_version_id
    expect(res.body['configuration-parameters'].slice(0, 3)).toEqual([
      {
        name: 'auto_increment_increment',
        datastore_version_id: versionId,
        restart_required: false,
        type: 'integer',
        max: 65535,
        min: 1,
      },
      {
        name: 'auto_increment_offset',
        datastore_version_id: versionId,
        restart_required: false,
        type: 'integer',
        max: 65535,
        min: 1,
      },
      // min 0 is falsy in Python: left out
      {
        name: 'autocommit',
        datastore_version_id: versionId,
        restart_required: false,
        type: 'integer',
        max: 1,
      },
    ])
    const lqt = list.find((p) => p.name === 'long_query_time')
    expect(lqt).toEqual({
      name: 'long_query_time',
      datastore_version_id: versionId,
      restart_required: false,
      type: 'float',
    })
    expect(list.find((p) => p.name === 'innodb_buffer_pool_size')?.restart_required).toBe(true)
  })

  it('keeps 18446744073709551615 exact on the wire', async () => {
    fx = await troveFixture()
    const r = await text(
      `${fx.demo.base}/datastores/mysql/versions/5.7/parameters/bulk_insert_buffer_size`,
      fx.demo.token,
    )
    expect(r.status).toBe(200)
    expect(r.text).toContain('"max":18446744073709551615')
    expect(r.text).not.toContain('"min"')
  })

  it('shows one parameter by version name or uuid; unknown names 404', async () => {
    fx = await troveFixture()
    const byName = await fx.t.json(
      'GET',
      `${fx.demo.base}/datastores/mysql/versions/5.7/parameters/max_connections`,
      { token: fx.demo.token },
    )
    expect(byName.body).toMatchObject({ name: 'max_connections', max: 100000, min: 1 })
    const uuid = byName.body.datastore_version_id as string
    const byUuid = await fx.t.json(
      'GET',
      `${fx.demo.base}/datastores/versions/${uuid}/parameters/max_connections`,
      { token: fx.demo.token },
    )
    expect(byUuid.body).toEqual(byName.body)
    const all = await fx.t.json('GET', `${fx.demo.base}/datastores/versions/${uuid}/parameters`, {
      token: fx.demo.token,
    })
    expect(all.body['configuration-parameters']).toHaveLength(102)
    const nf = await fx.t.json(
      'GET',
      `${fx.demo.base}/datastores/mysql/versions/5.7/parameters/nope`,
      { token: fx.demo.token },
    )
    expect([nf.status, nf.body]).toEqual([
      404,
      { itemNotFound: { code: 404, message: 'Resource nope cannot be found.' } },
    ])
  })

  it('has real sets for mysql 8.0, mariadb and postgresql; unknown ones are 404/400', async () => {
    fx = await troveFixture()
    const count = async (ds: string, v: string) => {
      const r = await fx.t.json(
        'GET',
        `${fx.demo.base}/datastores/${ds}/versions/${v}/parameters`,
        {
          token: fx.demo.token,
        },
      )
      return r.body['configuration-parameters'].length
    }
    expect(await count('mysql', '8.0')).toBe(102)
    expect(await count('mariadb', '10.4')).toBe(40)
    expect(await count('postgresql', '12')).toBe(183)
    expect(await count('postgresql', '13')).toBe(183)
    const ds = await fx.t.json('GET', `${fx.demo.base}/datastores/nosql/versions/1/parameters`, {
      token: fx.demo.token,
    })
    expect([ds.status, ds.body.itemNotFound.message]).toEqual([
      404,
      "Datastore 'nosql' cannot be found.",
    ])
    const v = await fx.t.json('GET', `${fx.demo.base}/datastores/mysql/versions/9.9/parameters`, {
      token: fx.demo.token,
    })
    expect([v.status, v.body.badRequest.message]).toEqual([
      400,
      "Datastore version '9.9' cannot be found.",
    ])
    const u = await fx.t.json('GET', `${fx.demo.base}/datastores/versions/nope/parameters`, {
      token: fx.demo.token,
    })
    expect([u.status, u.body.badRequest.message]).toEqual([
      400,
      "Datastore version 'nope' cannot be found.",
    ])
  })

  it('a version without parameters refuses configuration groups (422)', async () => {
    fx = await troveFixture()
    fx.t.store.prepare('DELETE FROM datastore_configuration_parameters').run()
    const res = await fx.t.json('POST', `${fx.demo.base}/configurations`, {
      token: fx.demo.token,
      body: {
        configuration: { name: 'x', values: {}, datastore: { type: 'mysql', version: '5.7' } },
      },
    })
    expect([res.status, res.body.unprocessableEntity?.message]).toEqual([
      422,
      'Configuration groups are not supported for this datastore: mysql 5.7',
    ])
  })
})
