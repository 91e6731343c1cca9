import { afterAll, describe, expect, it } from 'vitest'
import { keystoneErrorBodySchema } from '../src/api/common/schemas'
import { createGatewayApp } from './gateway/gateway-app'
import { DEFAULT_MAX_BODY_BYTES, KEYSTONE_MAX_BODY_BYTES } from './request-guards'
import { createTestCloud } from './testing'

const LIMIT = 4096
const cloud = createTestCloud({ maxBodyBytes: LIMIT })
const defaults = createTestCloud()
afterAll(() => {
  cloud.close()
  defaults.close()
})

const ORIGIN = 'http://cloud.test:8080'
/** A password login for demo whose body is exactly `bytes` long (the password pads it). */
function loginOf(bytes: number): string {
  const body = (password: string) =>
    JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { id: 'default' }, password } },
        },
      },
    })
  return body('x'.repeat(bytes - body('').length))
}

/** A JSON document of exactly `bytes` bytes. */
function jsonOf(bytes: number): string {
  const head = '{"pad":"'
  return `${head}${'x'.repeat(bytes - head.length - 2)}"}`
}

/** The same bytes sent chunked, without Content-Length. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000))
      controller.close()
    },
  })
}

async function post(
  app: { request: (url: string, init: RequestInit) => Response | Promise<Response> },
  path: string,
  body: string | ReadableStream<Uint8Array>,
) {
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  }
  const res = await app.request(`${ORIGIN}${path}`, init)
  const text = await res.text()
  return { status: res.status, text, json: () => JSON.parse(text) as unknown }
}

describe('request body limit', () => {
  it('answers a login above the limit with 413 in Keystone’s envelope', async () => {
    const res = await post(cloud.app, '/v3/auth/tokens', jsonOf(LIMIT + 1))
    expect(res.status).toBe(413)
    const body = keystoneErrorBodySchema.parse(res.json())
    expect(body.error).toMatchObject({ code: 413, title: 'Request Entity Too Large' })
    expect(body.error.message).toContain(String(LIMIT))
  })

  it('reads a login at the limit as usual (a 401 for the wrong password, not a 413)', async () => {
    const padded = loginOf(LIMIT)
    expect(new TextEncoder().encode(padded).length).toBe(LIMIT)
    const res = await post(cloud.app, '/v3/auth/tokens', padded)
    expect(res.status).not.toBe(413)
    expect(res.status).toBe(401)
  })

  it('cuts off a chunked login without Content-Length at the limit', async () => {
    const res = await post(cloud.app, '/v3/auth/tokens', chunked(jsonOf(LIMIT * 3)))
    expect(res.status).toBe(413)
    expect(keystoneErrorBodySchema.parse(res.json()).error.code).toBe(413)
  })

  it('answers a Trove POST above the limit with overLimit, before authentication', async () => {
    const res = await post(cloud.app, '/trove/RegionOne/v1.0/any/instances', jsonOf(LIMIT + 1))
    expect(res.status).toBe(413)
    expect(res.json()).toEqual({
      overLimit: { code: 413, message: expect.stringContaining(String(LIMIT)) as unknown },
    })
  })

  it('answers a chunked Trove POST above the limit with overLimit', async () => {
    const res = await post(
      cloud.app,
      '/trove/RegionOne/v1.0/any/instances',
      chunked(jsonOf(LIMIT + 10)),
    )
    expect(res.status).toBe(413)
    expect(Object.keys(res.json() as object)).toEqual(['overLimit'])
  })

  it('answers a DBaaS POST above the limit with {"message"}', async () => {
    const res = await post(cloud.app, '/dbaas/RegionOne/v2/dbaas-service-logs/x', jsonOf(LIMIT + 1))
    expect(res.status).toBe(413)
    expect(res.json()).toEqual({ message: expect.stringContaining(String(LIMIT)) as unknown })
  })

  it('applies the documented 1 MiB default', async () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1024 * 1024)
    const path = '/trove/RegionOne/v1.0/x/instances'
    const over = await post(defaults.app, path, jsonOf(DEFAULT_MAX_BODY_BYTES + 1))
    expect(over.status).toBe(413)
    const under = await post(defaults.app, path, jsonOf(DEFAULT_MAX_BODY_BYTES))
    expect(under.status).not.toBe(413)
  })

  it('caps Keystone’s paths at Keystone’s own 112 KiB, login included', async () => {
    const over = await post(defaults.app, '/v3/auth/tokens', loginOf(KEYSTONE_MAX_BODY_BYTES + 1))
    expect(over.status).toBe(413)
    expect(keystoneErrorBodySchema.parse(over.json()).error.message).toContain('114688')
    const chunkedOver = await post(
      defaults.app,
      '/v3/auth/tokens',
      chunked(loginOf(KEYSTONE_MAX_BODY_BYTES + 1)),
    )
    expect(chunkedOver.status).toBe(413)
    const at = await post(defaults.app, '/v3/auth/tokens', loginOf(KEYSTONE_MAX_BODY_BYTES))
    expect(at.status).toBe(401)
  })

  it('refuses an oversized body in the gateway without forwarding it', async () => {
    const forwarded: string[] = []
    const fetchImpl: typeof fetch = async (input) => {
      forwarded.push(String(input))
      return new Response('{}', { status: 201, headers: { 'content-type': 'application/json' } })
    }
    const app = createGatewayApp({
      keystoneUrl: 'http://keystone.invalid:5000/v3',
      maxBodyBytes: LIMIT,
      fetchImpl,
    })
    const over = await post(app, '/v3/auth/tokens', jsonOf(LIMIT + 1))
    expect(over.status).toBe(413)
    expect(keystoneErrorBodySchema.parse(over.json()).error.code).toBe(413)
    const chunkedOver = await post(app, '/v3/auth/tokens', chunked(jsonOf(LIMIT * 2)))
    expect(chunkedOver.status).toBe(413)
    expect(forwarded).toEqual([])

    const small = await post(app, '/v3/auth/tokens', jsonOf(100))
    expect(small.status).toBe(201)
    expect(forwarded).toEqual(['http://keystone.invalid:5000/v3/auth/tokens'])
  })
})

describe('malformed URLs', () => {
  const get = async (path: string) => {
    const res = await cloud.app.request(`${ORIGIN}${path}`)
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() }
  }

  it('answers 400 with a plain error on the SPA’s paths', async () => {
    const res = await get('/%E0%A4%A')
    expect(res.status).toBe(400)
    expect(res.type).toContain('text/plain')
    expect(res.text).toContain('not a valid URL encoding')
    expect(res.text).not.toMatch(/at .*\.ts/)
  })

  it('answers 400 in each API’s envelope', async () => {
    const trove = await get('/trove/RegionOne/v1.0/x/instances/%E0%A4%A')
    expect(trove.status).toBe(400)
    expect(JSON.parse(trove.text)).toEqual({
      badRequest: { code: 400, message: expect.stringContaining('URL encoding') as unknown },
    })
    const keystone = await get('/v3/auth/%E0%A4%A')
    expect(keystone.status).toBe(400)
    expect(keystoneErrorBodySchema.parse(JSON.parse(keystone.text)).error).toMatchObject({
      code: 400,
      title: 'Bad Request',
    })
    const dbaas = await get('/dbaas/RegionOne/v2/dbaas-service/%E0%A4%A?x=1')
    expect(dbaas.status).toBe(400)
    expect(JSON.parse(dbaas.text)).toEqual({
      message: expect.stringContaining('URL encoding') as unknown,
    })
  })

  it('answers 400 in the gateway', async () => {
    const app = createGatewayApp({ keystoneUrl: 'http://keystone.invalid:5000/v3' })
    const res = await app.request(`${ORIGIN}/gw/abc/%E0%A4%A`)
    expect(res.status).toBe(400)
    expect(Object.keys((await res.json()) as object)).toEqual(['badRequest'])
  })

  it('still serves well-formed escapes', async () => {
    expect((await get('/healthz')).status).toBe(200)
    expect((await get('/trove/RegionOne%2F')).status).not.toBe(400)
  })
})
