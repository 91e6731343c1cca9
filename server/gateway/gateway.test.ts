import { afterAll, describe, expect, it } from 'vitest'
import { createGatewayApp } from './gateway-app'
import { createTestCloud, type JsonBody } from '../testing'

/**
 * The gateway in front of a real Keystone + Trove: the embedded cloud, reached in-process at
 * http://upstream.test:5000 (its catalog names that host, as a real cloud names its own).
 */
const upstream = createTestCloud()
afterAll(() => upstream.close())

const UPSTREAM = 'http://upstream.test:5000'
const PUBLIC = 'https://console.example'
const forwarded: { url: string; body: unknown }[] = []
const fetchImpl: typeof fetch = async (input, init) => {
  forwarded.push({ url: String(input), body: init?.body })
  return upstream.app.request(String(input), init)
}
const gateway = createGatewayApp({
  keystoneUrl: `${UPSTREAM}/v3`,
  fetchImpl,
  proxy: { publicUrl: PUBLIC, trustProxy: ['10.1.2.3'] },
})

const peer = (address: string) => ({ incoming: { socket: { remoteAddress: address } } })

async function call(
  method: string,
  path: string,
  o: { token?: string; body?: unknown; headers?: Record<string, string>; from?: string } = {},
) {
  const headers: Record<string, string> = { ...o.headers }
  if (o.token) headers['X-Auth-Token'] = o.token
  const body = o.body === undefined ? undefined : JSON.stringify(o.body)
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    headers['Content-Length'] = String(Buffer.byteLength(body))
  }
  const res = await gateway.request(
    `http://127.0.0.1:8204${path}`,
    { method, headers, body },
    peer(o.from ?? '192.0.2.7'),
  )
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: (text ? JSON.parse(text) : null) as JsonBody,
  }
}

const loginBody = (user: string) => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name: user, domain: { id: 'default' }, password: user } },
    },
    scope: { project: { name: user, domain: { id: 'default' } } },
  },
})

async function login(user: string, headers: Record<string, string> = {}, from?: string) {
  const res = await call('POST', '/v3/auth/tokens', { body: loginBody(user), headers, from })
  expect(res.status).toBe(201)
  return { token: res.headers.get('x-subject-token') ?? '', body: res.body, text: res.text }
}

const troveUrl = (body: JsonBody): string => {
  const db = (body.token.catalog as JsonBody[]).find((s) => s.type === 'database')
  return db.endpoints.find((e: JsonBody) => e.region_id === 'RegionOne').url as string
}

describe('gateway catalog', () => {
  it('points every endpoint at the configured public URL and leaks no upstream address', async () => {
    const demo = await login('demo', { Host: 'evil.example', 'X-Forwarded-Proto': 'http' })
    expect(demo.text).not.toContain('upstream.test')
    expect(demo.text).not.toContain('evil.example')
    const urls = (demo.body.token.catalog as JsonBody[]).flatMap((s) =>
      (s.endpoints as JsonBody[]).map((e) => [e.interface, e.url]),
    )
    expect(urls.length).toBeGreaterThan(0)
    for (const [iface, url] of urls) {
      expect(iface).toBe('public')
      expect(url).toMatch(/^https:\/\/console\.example\/gw\//)
    }
  })

  it('ignores X-Forwarded-* from an untrusted client: another client’s catalog is unchanged', async () => {
    await login('demo', { 'X-Forwarded-Proto': 'http', 'X-Forwarded-Host': 'evil.example' })
    const alt = await login('alt')
    expect(troveUrl(alt.body)).toMatch(/^https:\/\/console\.example\/gw\//)
  })

  it('believes X-Forwarded-* from a trusted proxy, for that request only', async () => {
    const viaProxy = await login(
      'demo',
      { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'db.example.org' },
      '10.1.2.3',
    )
    expect(troveUrl(viaProxy.body)).toMatch(/^https:\/\/db\.example\.org\/gw\//)
    const direct = await login('demo')
    expect(troveUrl(direct.body)).toMatch(/^https:\/\/console\.example\/gw\//)
  })
})

describe('gateway forwarding', () => {
  it('forwards nothing without a token, except Keystone’s login', async () => {
    const demo = await login('demo')
    const path = new URL(troveUrl(demo.body)).pathname
    const before = forwarded.length
    const res = await call('GET', `${path}/instances`)
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe(401)
    const users = await call('GET', '/v3/users')
    expect(users.status).toBe(401)
    expect(forwarded.length).toBe(before)
  })

  it('forwards a token only to its own catalog’s public endpoints', async () => {
    const demo = await login('demo')
    const alt = await login('alt')
    const demoPath = new URL(troveUrl(demo.body)).pathname
    const altPath = new URL(troveUrl(alt.body)).pathname
    const own = await call('GET', `${demoPath}/instances`, { token: demo.token })
    expect(own.status).toBe(200)
    // alt's Trove path under demo's token: outside demo's endpoint, never forwarded.
    const before = forwarded.length
    const other = await call('GET', `${altPath}/instances`, { token: demo.token })
    expect(other.status).toBe(404)
    // Only Keystone may have been asked (the token's own validation), never a Trove endpoint.
    const sent = forwarded.slice(before).map((f) => new URL(f.url).pathname)
    expect(sent.filter((p) => p !== '/v3/auth/tokens')).toEqual([])
    // An internal endpoint id from the upstream catalog is not offered.
    const raw = await upstream.login('demo', 'demo', 'demo')
    const internal = (raw.body.token.catalog as JsonBody[])
      .flatMap((s) => s.endpoints as JsonBody[])
      .find((e) => e.interface === 'internal' && e.url.includes('/trove/'))
    const res = await call(
      'GET',
      `/gw/${internal.id}/trove/RegionOne/v1.0/${raw.projectId}/instances`,
      {
        token: demo.token,
      },
    )
    expect(res.status).toBe(404)
    const sentAfter = forwarded.slice(before).map((f) => new URL(f.url).pathname)
    expect(sentAfter.filter((p) => p !== '/v3/auth/tokens')).toEqual([])
  })

  it('rewrites upstream links in bodies to the console’s paths', async () => {
    const demo = await login('demo')
    const base = new URL(troveUrl(demo.body)).pathname
    const res = await call('GET', `${base}/flavors?limit=1`, { token: demo.token })
    expect(res.status).toBe(200)
    expect(res.text).not.toContain('upstream.test')
    expect(res.text).toContain(`${PUBLIC}/gw/`)
  })

  it('streams a request body with a known length', async () => {
    const before = forwarded.length
    await login('demo')
    const sent = forwarded[before]
    expect(sent?.url).toBe(`${UPSTREAM}/v3/auth/tokens`)
    expect(sent?.body).toBeInstanceOf(ReadableStream)
  })
})

describe('gateway token check when Keystone does not answer', () => {
  it('answers 503 with Retry-After (not 401: the token was not refused), and forwards once Keystone answers', async () => {
    let keystoneDown = false
    const logged: string[] = []
    const flaky = createGatewayApp({
      keystoneUrl: `${UPSTREAM}/v3`,
      log: (line) => logged.push(line),
      fetchImpl: async (input, init) => {
        if (keystoneDown && String(input).endsWith('/v3/auth/catalog')) throw new Error('timeout')
        return upstream.app.request(String(input), init)
      },
      proxy: { publicUrl: PUBLIC, trustProxy: [] },
    })
    // A token this gateway never saw pass (no cached catalog): it asks Keystone for the catalog.
    const demo = await upstream.login('demo', 'demo', 'demo')
    const own = await login('demo')
    const path = `${new URL(troveUrl(own.body)).pathname}/instances`
    const ask = () =>
      flaky.request(
        `http://127.0.0.1:8204${path}`,
        { headers: { 'X-Auth-Token': demo.token } },
        peer('192.0.2.7'),
      )
    keystoneDown = true
    const down = await ask()
    expect(down.status).toBe(503)
    expect(down.headers.get('retry-after')).toBe('5')
    expect(await down.json()).toEqual({
      serviceUnavailable: { code: 503, message: expect.stringContaining('Keystone') as unknown },
    })
    // The server's log says why the request never reached the cloud.
    expect(logged).toContainEqual(
      expect.stringMatching(
        /^GET \/gw\/\S+\/instances -> 503 \(catalog check: Keystone did not answer, \d+ ms\)$/,
      ),
    )
    keystoneDown = false
    expect((await ask()).status).toBe(200)
    // A token Keystone refuses is still 401.
    const refused = await flaky.request(
      `http://127.0.0.1:8204${path}`,
      { headers: { 'X-Auth-Token': 'not-a-token' } },
      peer('192.0.2.7'),
    )
    expect(refused.status).toBe(401)
    expect(logged).toContainEqual(
      expect.stringMatching(/-> 401 \(catalog check: Keystone refused the token, \d+ ms\)$/),
    )
  })
})
