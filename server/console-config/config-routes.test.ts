import { afterEach, describe, expect, it } from 'vitest'
import { consoleConfigSchema } from '../../src/api/console-config/schemas'
import { createGatewayApp } from '../gateway/gateway-app'
import { createTestCloud, type TestCloud } from '../testing'
import { troveFixture } from '../trove/test-fixtures'

let t: TestCloud | undefined
afterEach(() => t?.close())

describe('GET /console-api/v1/config', () => {
  it('publishes the default password policy without a token', async () => {
    t = createTestCloud()
    const res = await t.json('GET', '/console-api/v1/config')
    expect(res.status).toBe(200)
    expect(consoleConfigSchema.parse(res.body).passwordPolicy).toEqual({
      minLength: 12,
      minClasses: 3,
    })
  })
  it("publishes the operator's policy, and the Trove face still accepts what Trove accepts", async () => {
    const fx = await troveFixture({ passwordPolicy: { minLength: 20, minClasses: 4 } })
    t = fx.t
    const res = await t.json('GET', '/console-api/v1/config')
    expect(consoleConfigSchema.parse(res.body).passwordPolicy).toEqual({
      minLength: 20,
      minClasses: 4,
    })
    // Forms only: real Trove takes "a" as a MySQL user's password, and so does this cloud.
    const id = await fx.active(fx.demo)
    const created = await t.json('POST', `${fx.demo.base}/instances/${id}/users`, {
      token: fx.demo.token,
      body: { users: [{ name: 'u1', password: 'a' }] },
    })
    expect(created.status).toBe(202)
  })
  it('is served in gateway mode too, without reaching the cloud', async () => {
    const app = createGatewayApp({
      keystoneUrl: 'http://keystone.invalid:5000/v3',
      fetchImpl: () => Promise.reject(new Error('no cloud in this test')),
      passwordPolicy: { minLength: 8, minClasses: 2 },
    })
    const res = await app.request('http://console.test/console-api/v1/config')
    expect(res.status).toBe(200)
    expect(consoleConfigSchema.parse(await res.json()).passwordPolicy).toEqual({
      minLength: 8,
      minClasses: 2,
    })
  })
})
