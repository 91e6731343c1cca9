import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { moduleListSchema, moduleShowSchema } from '../../src/api/modules/schemas'
import { networkListSchema } from '../../src/api/networks/schemas'
import { tokenBodySchema } from '../../src/api/identity/schemas'
import { troveFixture } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
beforeAll(async () => {
  fx = await troveFixture()
})
afterAll(() => fx.t.close())

const names = (body: unknown) => moduleListSchema.parse(body).modules.map((m) => m.name)

describe('Trove modules', () => {
  it('lists the all-tenant modules with names for datastore and version (`all` when unset)', async () => {
    const res = await fx.t.json('GET', `${fx.demo.base}/modules`, { token: fx.demo.token })
    expect(res.status).toBe(200)
    const mods = moduleListSchema.parse(res.body).modules
    const tuning = mods.find((m) => m.name === 'mysql-8-tuning')
    expect(tuning).toMatchObject({ datastore: 'mysql', datastore_version: '8.0', tenant: 'all' })
    expect(tuning?.datastore_id).toMatch(/./)
    expect(mods.find((m) => m.name === 'ping')).toMatchObject({
      datastore: 'all',
      datastore_version: 'all',
      datastore_id: null,
    })
  })
  it('filters by ?datastore= (that datastore and the `all` ones); 404 for an unknown one', async () => {
    const pg = await fx.t.json('GET', `${fx.demo.base}/modules?datastore=postgresql`, {
      token: fx.demo.token,
    })
    expect(names(pg.body).sort()).toEqual(['pg-extensions', 'ping'])
    const bad = await fx.t.json('GET', `${fx.demo.base}/modules?datastore=nosuch`, {
      token: fx.demo.token,
    })
    expect(bad.status).toBe(404)
  })
  it("creates a tenant's module, shows it, and hides it from other tenants", async () => {
    const res = await fx.t.json('POST', `${fx.demo.base}/modules`, {
      token: fx.demo.token,
      body: {
        module: {
          name: 'mine',
          module_type: 'ping',
          contents: 'x',
          datastore: { type: 'mysql', version: '5.7' },
        },
      },
    })
    expect(res.status).toBe(200)
    const created = moduleShowSchema.parse(res.body).module
    expect(created).toMatchObject({ tenant_id: fx.demo.projectId, datastore_version: '5.7' })
    const show = await fx.t.json('GET', `${fx.demo.base}/modules/${created.id}`, {
      token: fx.demo.token,
    })
    expect(moduleShowSchema.parse(show.body).module.live_update).toBe(false)
    const alt = await fx.t.json('GET', `${fx.alt.base}/modules`, { token: fx.alt.token })
    expect(names(alt.body)).not.toContain('mine')
    const altShow = await fx.t.json('GET', `${fx.alt.base}/modules/${created.id}`, {
      token: fx.alt.token,
    })
    expect(altShow.status).toBe(404)
    const again = await fx.t.json('POST', `${fx.demo.base}/modules`, {
      token: fx.demo.token,
      body: {
        module: {
          name: 'mine',
          module_type: 'ping',
          contents: 'y',
          datastore: { type: 'mysql', version: '5.7' },
        },
      },
    })
    expect(again.status).toBe(400)
  })
  it('refuses a bad create with 400 or 404 and stores nothing', async () => {
    const before = names(
      (await fx.t.json('GET', `${fx.demo.base}/modules`, { token: fx.demo.token })).body,
    )
    const noContents = await fx.t.json('POST', `${fx.demo.base}/modules`, {
      token: fx.demo.token,
      body: { module: { name: 'x', module_type: 'ping' } },
    })
    expect(noContents.status).toBe(400)
    const badType = await fx.t.json('POST', `${fx.demo.base}/modules`, {
      token: fx.demo.token,
      body: { module: { name: 'x', module_type: 'nosuch', contents: 'c' } },
    })
    expect(badType.status).toBe(404)
    const after = names(
      (await fx.t.json('GET', `${fx.demo.base}/modules`, { token: fx.demo.token })).body,
    )
    expect(after).toEqual(before)
  })
  it('launches with a module that fits, and refuses one of another version (403) or unknown (404)', async () => {
    const base = { name: 'withmod', flavorRef: '2', volume: { size: 1 } }
    const ok = await fx.create(fx.demo, {
      ...base,
      datastore: { type: 'mysql', version: '8.0' },
      modules: [{ id: '5a4f8c1e-7d2b-4e6a-9c3f-0b1d2e3f4a03' }],
    })
    expect(ok.status).toBe(200)
    const wrong = await fx.create(fx.demo, {
      ...base,
      datastore: { type: 'mysql', version: '5.7' },
      modules: [{ id: '5a4f8c1e-7d2b-4e6a-9c3f-0b1d2e3f4a03' }],
    })
    expect(wrong.status).toBe(403)
    expect(JSON.stringify(wrong.body)).toContain("Wrong datastore version '8.0' - expected '5.7'")
    const unknown = await fx.create(fx.demo, {
      ...base,
      datastore: { type: 'mysql', version: '5.7' },
      modules: [{ id: '00000000-0000-4000-8000-000000000000' }],
    })
    expect(unknown.status).toBe(404)
  })
})

describe('the read-only Neutron face', () => {
  it('is in the catalog as type network and lists the project network plus the shared one', async () => {
    const tok = await fx.t.json('GET', '/v3/auth/tokens', {
      token: fx.demo.token,
      headers: { 'X-Subject-Token': fx.demo.token },
    })
    const catalog = tokenBodySchema.parse(tok.body).token.catalog ?? []
    const net = catalog.find((e) => e.type === 'network')
    const url = net?.endpoints.find(
      (e) => e.interface === 'public' && e.region === 'RegionOne',
    )?.url
    expect(url).toMatch(/\/neutron\/RegionOne$/)
    const path = new URL(url ?? 'http://x').pathname
    const res = await fx.t.json('GET', `${path}/v2.0/networks`, { token: fx.demo.token })
    expect(res.status).toBe(200)
    const nets = networkListSchema.parse(res.body).networks
    expect(nets.map((n) => [n.name, n.shared])).toEqual([
      ['private', false],
      ['public', true],
    ])
    expect(nets[0]?.project_id).toBe(fx.demo.projectId)
    const alt = await fx.t.json('GET', `${path}/v2.0/networks`, { token: fx.alt.token })
    const altIds = networkListSchema.parse(alt.body).networks.map((n) => n.id)
    expect(altIds).not.toContain(nets[0]?.id)
    expect(altIds).toContain(nets[1]?.id)
  })
  it("answers Keystone's 401 without a token and Neutron's 404 for an unknown network", async () => {
    const none = await fx.t.json('GET', '/neutron/RegionOne/v2.0/networks')
    expect(none.status).toBe(401)
    const missing = await fx.t.json(
      'GET',
      '/neutron/RegionOne/v2.0/networks/00000000-0000-4000-8000-000000000000',
      { token: fx.demo.token },
    )
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ NeutronError: { type: 'NetworkNotFound' } })
  })
})
