import { afterEach, describe, expect, it } from 'vitest'
import { datastoreListSchema } from '../../src/api/datastores/schemas'
import { flavorListSchema } from '../../src/api/flavors/schemas'
import { instanceListSchema } from '../../src/api/instances/schemas'
import { troveFixture } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

describe('pagination', () => {
  it('pages in insertion order with limit/marker and a next link; each page newest first', async () => {
    fx = await troveFixture()
    const ids: string[] = []
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) {
      ids.push(
        (await fx.create(fx.demo, { name, flavorRef: '1', volume: { size: 1 } })).body.instance.id,
      )
      fx.t.clock.advance(1000)
    }
    const get = (q: string, path = 'instances/detail') =>
      fx.t.json('GET', `${fx.demo.base}/${path}${q}`, { token: fx.demo.token })
    const p1 = await get('?limit=2')
    instanceListSchema.parse(p1.body)
    expect(p1.body.instances.map((i: { name: string }) => i.name)).toEqual(['a2', 'a1'])
    expect(p1.body.links).toEqual([
      {
        rel: 'next',
        href: `http://cloud.test:8080${fx.demo.base}/instances/detail?limit=2&marker=${ids[1]}`,
      },
    ])
    const p2 = await get(`?limit=2&marker=${ids[1]}`)
    expect(p2.body.instances.map((i: { name: string }) => i.name)).toEqual(['a4', 'a3'])
    const p3 = await get(`?limit=2&marker=${ids[3]}`)
    expect(p3.body.instances.map((i: { name: string }) => i.name)).toEqual(['a5'])
    expect(p3.body.links).toBeUndefined()
    expect((await get('?limit=2&marker=zzz')).body).toEqual({ instances: [] })
    const all = await get('', 'instances')
    expect(all.body.instances.map((i: { name: string }) => i.name)).toEqual([
      'a5',
      'a4',
      'a3',
      'a2',
      'a1',
    ])
    // the plain list view has no timestamps or version_number
    expect(all.body.instances[0].created).toBeUndefined()
    expect(all.body.instances[0].datastore).toEqual({ type: 'mysql', version: '5.7' })
    expect((await get('?limit=abc')).status).toBe(400)
  })

  it('caps the page size at --page-size-max', async () => {
    fx = await troveFixture({ pageSizeMax: 2 })
    for (const name of ['a', 'b', 'c'])
      await fx.create(fx.demo, { name, flavorRef: '1', volume: { size: 1 } })
    const res = await fx.t.json('GET', `${fx.demo.base}/instances?limit=50`, {
      token: fx.demo.token,
    })
    expect(res.body.instances).toHaveLength(2)
    expect(res.body.links[0].href).toContain('limit=2&marker=')
  })
})

describe('datastores and flavors', () => {
  it('lists active datastore versions with links and default_version', async () => {
    fx = await troveFixture()
    const res = await fx.t.json('GET', `${fx.demo.base}/datastores`, { token: fx.demo.token })
    const list = datastoreListSchema.parse(res.body).datastores
    expect(list.map((d) => [d.name, d.versions.map((v) => `${v.name}=${v.version}`)])).toEqual([
      ['mysql', ['5.7=5.7.29', '8.0=8.0.30']],
      ['postgresql', ['12=12.12', '13=13.8']],
      ['mariadb', ['10.4=10.4.26']],
    ])
    const mysql = list[0]!
    expect(mysql.default_version).toBe(mysql.versions[0]!.id)
    expect(mysql.links).toEqual([
      { href: `http://cloud.test:8080${fx.demo.base}/datastores/${mysql.id}`, rel: 'self' },
      { href: `http://cloud.test:8080/trove/RegionOne/datastores/${mysql.id}`, rel: 'bookmark' },
    ])
    const byName = await fx.t.json('GET', `${fx.demo.base}/datastores/mysql`, {
      token: fx.demo.token,
    })
    expect(byName.body.datastore.id).toBe(mysql.id)
    const versions = await fx.t.json('GET', `${fx.demo.base}/datastores/mysql/versions`, {
      token: fx.demo.token,
    })
    expect(versions.body.versions[0]).toMatchObject({
      name: '5.7',
      version: '5.7.29',
      datastore: mysql.id,
    })
    const v = await fx.t.json('GET', `${fx.demo.base}/datastores/mysql/versions/5.7`, {
      token: fx.demo.token,
    })
    const byUuid = await fx.t.json(
      'GET',
      `${fx.demo.base}/datastores/versions/${v.body.version.id}`,
      { token: fx.demo.token },
    )
    expect(byUuid.body).toEqual(v.body)
    const noDs = await fx.t.json('GET', `${fx.demo.base}/datastores/nosuchds`, {
      token: fx.demo.token,
    })
    expect(noDs.status).toBe(404)
    expect(noDs.body).toEqual({
      itemNotFound: { code: 404, message: "Datastore 'nosuchds' cannot be found." },
    })
    const noV = await fx.t.json('GET', `${fx.demo.base}/datastores/mysql/versions/9.9`, {
      token: fx.demo.token,
    })
    expect(noV.body).toEqual({
      badRequest: { code: 400, message: "Datastore version '9.9' cannot be found." },
    })
  })

  it('lists flavors in the Trove shape; unknown flavor 404', async () => {
    fx = await troveFixture()
    const res = await fx.t.json('GET', `${fx.demo.base}/flavors`, { token: fx.demo.token })
    const flavors = flavorListSchema.parse(res.body).flavors
    expect(flavors.map((f) => [f.id, f.str_id, f.name, f.ram, f.vcpus])).toEqual([
      [1, '1', 'm1.tiny', 512, 1],
      [2, '2', 'm1.small', 2048, 1],
      [3, '3', 'm1.medium', 4096, 2],
      [4, '4', 'm1.large', 8192, 4],
      [5, '5', 'm1.xlarge', 16384, 8],
      [null, 'custom', 'custom.small', 1024, 1],
    ])
    const one = await fx.t.json('GET', `${fx.demo.base}/flavors/2`, { token: fx.demo.token })
    expect(Object.keys(one.body.flavor)).toEqual([
      'id',
      'links',
      'name',
      'ram',
      'vcpus',
      'disk',
      'ephemeral',
      'str_id',
    ])
    const none = await fx.t.json('GET', `${fx.demo.base}/flavors/999`, { token: fx.demo.token })
    expect(none.body).toEqual({
      itemNotFound: { code: 404, message: 'Resource 999 cannot be found.' },
    })
  })
})

describe('routing', () => {
  it('answers unknown paths and unrouted methods with 404 itemNotFound', async () => {
    fx = await troveFixture()
    const nf = { itemNotFound: { code: 404, message: 'The resource could not be found.' } }
    for (const [method, path] of [
      ['GET', `${fx.demo.base}/nosuchcollection`],
      ['DELETE', `${fx.demo.base}/instances`],
      ['PATCH', `${fx.demo.base}/flavors`],
      ['GET', `${fx.demo.base}/flavors.json`],
      ['GET', `/trove/RegionNine/v1.0/${fx.demo.projectId}/flavors`],
    ] as const) {
      const res = await fx.t.json(method, path, { token: fx.demo.token })
      expect([method, path, res.status, res.body]).toEqual([method, path, 404, nf])
    }
  })

  it('serves the version documents without a token, and /healthz', async () => {
    fx = await troveFixture()
    const root = await fx.t.json('GET', '/trove/RegionOne/')
    expect(root.body).toEqual({
      versions: [
        {
          id: 'v1.0',
          status: 'CURRENT',
          updated: '2012-08-01T00:00:00Z',
          links: [{ rel: 'self', href: 'http://cloud.test:8080/trove/RegionOne/v1.0/' }],
        },
      ],
    })
    const v1 = await fx.t.json('GET', '/trove/RegionTwo/v1.0/', { token: fx.demo.token })
    expect(v1.body.version.id).toBe('v1.0')
    expect((await fx.t.json('GET', '/healthz')).body).toEqual({
      status: 'ok',
      mode: 'embedded',
      watchers: 0,
    })
  })

  it('answers /v1.0 and /v1.0/ without a valid token with Keystone’s 401, as real Trove', async () => {
    fx = await troveFixture()
    for (const path of ['/trove/RegionOne/v1.0', '/trove/RegionOne/v1.0/']) {
      for (const token of [undefined, 'not-a-token']) {
        const res = await fx.t.json('GET', path, { token })
        expect([path, token, res.status]).toEqual([path, token, 401])
        expect(res.body.error.code).toBe(401)
        expect(res.headers.get('www-authenticate')).toBe('Keystone uri="http://cloud.test:8080/v3"')
      }
    }
  })
})
