import { afterEach, describe, expect, it } from 'vitest'
import { keystoneErrorBodySchema } from '../../src/api/common/schemas'
import { createTestCloud, type TestCloud } from '../testing'

let t: TestCloud
afterEach(() => t?.close())

const password = (name: string, pw: string) => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name, domain: { id: 'default' }, password: pw } },
    },
  },
})

describe('login throttling', () => {
  it('locks a user out after 5 wrong passwords: 429 with Retry-After, even for the right one', async () => {
    t = createTestCloud()
    for (let i = 0; i < 5; i++) {
      const res = await t.json('POST', '/v3/auth/tokens', { body: password('demo', 'wrong') })
      expect(res.status).toBe(401)
    }
    const locked = await t.json('POST', '/v3/auth/tokens', { body: password('demo', 'demo') })
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(keystoneErrorBodySchema.parse(locked.body).error).toMatchObject({
      code: 429,
      title: 'Too Many Requests',
    })
    // Other users are not locked out.
    const alt = await t.json('POST', '/v3/auth/tokens', { body: password('alt', 'alt') })
    expect(alt.status).toBe(201)
    // After the lockout the right password works, and clears the count.
    t.clock.advance(2000)
    const back = await t.json('POST', '/v3/auth/tokens', { body: password('demo', 'demo') })
    expect(back.status).toBe(201)
  })

  it('counts unknown users like known ones, and each throttle is configurable', async () => {
    t = createTestCloud({
      loginThrottle: { userFailures: 2, addressFailures: 0, maxLockoutSeconds: 5 },
    })
    for (let i = 0; i < 2; i++) {
      const res = await t.json('POST', '/v3/auth/tokens', { body: password('nobody', 'x') })
      expect(res.status).toBe(401)
    }
    const locked = await t.json('POST', '/v3/auth/tokens', { body: password('nobody', 'x') })
    expect(locked.status).toBe(429)
  })
})

describe('Keystone token policy', () => {
  it('lets a token validate or revoke another subject’s token only with the admin role', async () => {
    t = createTestCloud()
    const demo = await t.login('demo', 'demo', 'demo')
    const demo2 = await t.login('demo', 'demo', 'demo')
    const alt = await t.login('alt', 'alt', 'alt')
    const admin = await t.login('admin', 'secret', 'admin')
    const check = (method: string, caller: string, subject: string) =>
      t.json(method, '/v3/auth/tokens', {
        token: caller,
        headers: { 'X-Subject-Token': subject },
      })

    for (const method of ['GET', 'HEAD', 'DELETE']) {
      const res = await check(method, alt.token, demo.token)
      expect(res.status).toBe(403)
    }
    const denied = await check('GET', alt.token, demo.token)
    expect(keystoneErrorBodySchema.parse(denied.body).error.message).toBe(
      'You are not authorized to perform the requested action: identity:validate_token.',
    )
    // demo's token is still valid after alt's refused DELETE.
    expect((await check('GET', demo.token, demo.token)).status).toBe(200)
    // The same subject may check and revoke its own other token.
    expect((await check('GET', demo2.token, demo.token)).status).toBe(200)
    // An admin may do both.
    expect((await check('GET', admin.token, alt.token)).status).toBe(200)
    expect((await check('DELETE', admin.token, alt.token)).status).toBe(204)
    expect((await check('GET', demo.token, alt.token)).status).toBe(404)
    expect((await check('DELETE', demo2.token, demo.token)).status).toBe(204)
  })
})

describe('public origin', () => {
  it('builds the catalog from the configured public URL, not from Host or X-Forwarded-*', async () => {
    t = createTestCloud({ proxy: { publicUrl: 'https://console.example' } })
    const res = await t.json('POST', '/v3/auth/tokens', {
      body: {
        ...password('demo', 'demo'),
        auth: {
          ...password('demo', 'demo').auth,
          scope: { project: { name: 'demo', domain: { id: 'default' } } },
        },
      },
      headers: {
        Host: 'evil.example',
        'X-Forwarded-Proto': 'http',
        'X-Forwarded-Host': 'evil.example',
      },
    })
    expect(res.status).toBe(201)
    const text = JSON.stringify(res.body)
    expect(text).not.toContain('evil.example')
    expect(text).toContain('https://console.example/trove/RegionOne/v1.0/')
  })
})
