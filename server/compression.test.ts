import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyEtag, compressAndValidate, ifNoneMatchHits, MIN_COMPRESS_BYTES } from './compression'
import { createGatewayApp } from './gateway/gateway-app'
import { createTestCloud, type TestCloud } from './testing'

const ORIGIN = 'http://cloud.test:8080'

let cloud: TestCloud
let token = ''
let base = ''

beforeAll(async () => {
  cloud = createTestCloud({ demoInstances: 40 })
  const login = await cloud.login('demo', 'demo', 'demo')
  token = login.token
  base = cloud.troveBase(login.projectId)
})
afterAll(() => cloud.close())

const get = (app: Hono, path: string, headers: Record<string, string> = {}) =>
  app.request(`${ORIGIN}${path}`, { headers: { 'X-Auth-Token': token, ...headers } })

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

describe('compression of API answers (embedded cloud)', () => {
  it('sends a list brotli-compressed when the client accepts br, the same JSON as uncompressed', async () => {
    const plain = await get(cloud.app, `${base}/instances?limit=1000`)
    expect(plain.status).toBe(200)
    expect(plain.headers.get('content-encoding')).toBeNull()
    const plainBody = await bytes(plain)
    expect(plainBody.length).toBeGreaterThan(MIN_COMPRESS_BYTES)
    expect(Number(plain.headers.get('content-length'))).toBe(plainBody.length)

    const br = await get(cloud.app, `${base}/instances?limit=1000`, {
      'Accept-Encoding': 'gzip, deflate, br',
    })
    expect(br.status).toBe(200)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(br.headers.get('content-type')).toMatch(/application\/json/)
    const brBody = await bytes(br)
    expect(Number(br.headers.get('content-length'))).toBe(brBody.length)
    expect(brBody.length).toBeLessThan(plainBody.length / 4)
    expect(brotliDecompressSync(brBody).equals(plainBody)).toBe(true)
  })

  it('falls back to gzip, and to identity when br and gzip are refused', async () => {
    const gz = await get(cloud.app, `${base}/instances?limit=1000`, { 'Accept-Encoding': 'gzip' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    const json: unknown = JSON.parse(gunzipSync(await bytes(gz)).toString('utf8'))
    expect(json).toMatchObject({ instances: expect.any(Array) as unknown })

    const refused = await get(cloud.app, `${base}/instances?limit=1000`, {
      'Accept-Encoding': 'br;q=0, gzip;q=0',
    })
    expect(refused.headers.get('content-encoding')).toBeNull()
    expect(JSON.parse((await bytes(refused)).toString('utf8'))).toEqual(json)
  })

  it('leaves bodies under 1 KiB as they are', async () => {
    const res = await get(cloud.app, '/healthz', { 'Accept-Encoding': 'br, gzip' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.json()).toEqual({ status: 'ok', mode: 'embedded', watchers: 0 })
  })

  it('compresses error bodies and POST answers too, without an ETag', async () => {
    const res = await cloud.app.request(`${ORIGIN}${base}/instances`, {
      method: 'POST',
      headers: {
        'X-Auth-Token': token,
        'Content-Type': 'application/json',
        'Accept-Encoding': 'gzip',
      },
      body: JSON.stringify({ instance: { name: 'x'.repeat(3000) } }),
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.headers.get('etag')).toBeNull()
    const body = await bytes(res)
    const text =
      res.headers.get('content-encoding') === 'gzip' ? gunzipSync(body).toString() : body.toString()
    expect(JSON.parse(text)).toEqual(expect.any(Object))
  })
})

describe('conditional requests on lists (embedded cloud)', () => {
  it('gives a list a strong ETag and answers If-None-Match with 304 and no body', async () => {
    const first = await get(cloud.app, `${base}/instances?limit=1000`)
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('cache-control')).toBe('private, no-cache')
    expect(etag).toBe(bodyEtag(await bytes(first)))

    const again = await get(cloud.app, `${base}/instances?limit=1000`, { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)

    const other = await get(cloud.app, `${base}/instances?limit=1000`, {
      'If-None-Match': '"something-else"',
    })
    expect(other.status).toBe(200)
  })

  it('names each coding in the ETag, and any coding of the same body revalidates', async () => {
    const plain = await get(cloud.app, `${base}/instances?limit=1000`)
    const br = await get(cloud.app, `${base}/instances?limit=1000`, { 'Accept-Encoding': 'br' })
    const gz = await get(cloud.app, `${base}/instances?limit=1000`, { 'Accept-Encoding': 'gzip' })
    const plainTag = plain.headers.get('etag') ?? ''
    expect(br.headers.get('etag')).toBe(plainTag.replace(/"$/, '.br"'))
    expect(gz.headers.get('etag')).toBe(plainTag.replace(/"$/, '.gz"'))

    const revalidated = await get(cloud.app, `${base}/instances?limit=1000`, {
      'Accept-Encoding': 'gzip',
      'If-None-Match': br.headers.get('etag') ?? '',
    })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('etag')).toBe(gz.headers.get('etag'))
  })

  it('answers 200 with a new ETag once the list changed', async () => {
    const before = await get(cloud.app, `${base}/instances?limit=1000`)
    const etag = before.headers.get('etag') ?? ''
    const created = await cloud.json('POST', `${base}/instances`, {
      token,
      body: {
        instance: {
          name: 'etag-probe',
          flavorRef: '2',
          volume: { size: 1 },
          datastore: { type: 'mysql', version: '8.0' },
        },
      },
    })
    expect(created.status).toBe(200)
    const after = await get(cloud.app, `${base}/instances?limit=1000`, { 'If-None-Match': etag })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(etag)
    expect(JSON.stringify(await after.json())).toContain('etag-probe')
  })

  it('gives no ETag to failed reads', async () => {
    const res = await get(cloud.app, `${base}/instances/no-such-instance`)
    expect(res.status).toBe(404)
    expect(res.headers.get('etag')).toBeNull()
  })
})

describe('the middleware on its own', () => {
  const app = new Hono()
  app.use(compressAndValidate)
  const big = 'x'.repeat(4 * MIN_COMPRESS_BYTES)
  app.get('/stream', (c) =>
    c.body(big, 200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }),
  )
  app.get('/long-poll', (c) =>
    c.body(JSON.stringify({ big }), 200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, no-transform',
    }),
  )
  app.get('/text', (c) => c.text(big))
  app.get('/cached', (c) => c.json({ big }, 200, { 'Cache-Control': 'private, max-age=5' }))

  const req = (path: string, headers: Record<string, string> = { 'Accept-Encoding': 'br' }) =>
    app.request(`${ORIGIN}${path}`, { headers })

  it('leaves event streams and no-transform answers untouched', async () => {
    for (const path of ['/stream', '/long-poll']) {
      const res = await req(path)
      expect(res.headers.get('content-encoding')).toBeNull()
      expect(res.headers.get('etag')).toBeNull()
      expect((await res.text()).length).toBeGreaterThanOrEqual(big.length)
    }
  })

  it('compresses plain text, and keeps a Cache-Control the route set', async () => {
    const text = await req('/text')
    expect(text.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(await bytes(text)).toString()).toBe(big)
    const cached = await req('/cached', { 'Accept-Encoding': 'gzip' })
    expect(cached.headers.get('cache-control')).toBe('private, max-age=5')
    expect(cached.headers.get('etag')).toMatch(/\.gz"$/)
  })

  it('matches If-None-Match weakly, in lists, and with *', () => {
    const tag = '"abc"'
    expect(ifNoneMatchHits('"abc"', tag)).toBe(true)
    expect(ifNoneMatchHits('W/"abc.br"', tag)).toBe(true)
    expect(ifNoneMatchHits('"x", "abc.gz"', '"abc.br"')).toBe(true)
    expect(ifNoneMatchHits('*', tag)).toBe(true)
    expect(ifNoneMatchHits('"abcd"', tag)).toBe(false)
    expect(ifNoneMatchHits(undefined, tag)).toBe(false)
  })
})

describe('compression and conditional requests through the gateway', () => {
  // The real cloud behind the gateway is the embedded one, reached in-process.
  const upstream: typeof fetch = (input, init) =>
    Promise.resolve(
      cloud.app.request(
        typeof input === 'string' || input instanceof URL ? String(input) : input.url,
        init,
      ),
    )
  const gateway = createGatewayApp({ keystoneUrl: `${ORIGIN}/v3`, fetchImpl: upstream })

  it('compresses the list it forwards and answers 304 to a matching If-None-Match', async () => {
    const login = await gateway.request(`${ORIGIN}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'demo', domain: { id: 'default' }, password: 'demo' } },
          },
          scope: { project: { name: 'demo', domain: { id: 'default' } } },
        },
      }),
    })
    expect(login.status).toBe(201)
    expect(login.headers.get('content-encoding')).toBe('gzip')
    const gwToken = login.headers.get('x-subject-token') ?? ''
    const body = JSON.parse(gunzipSync(await bytes(login)).toString()) as {
      token: {
        project: { id: string }
        catalog: { type: string; endpoints: { url: string; region: string }[] }[]
      }
    }
    const trove = body.token.catalog
      .find((e) => e.type === 'database')
      ?.endpoints.find((e) => e.region === 'RegionOne')
    expect(trove?.url).toMatch(/\/gw\//)
    const listPath = `${new URL(trove?.url ?? '').pathname}/instances?limit=1000`

    const headers = { 'X-Auth-Token': gwToken, 'Accept-Encoding': 'br' }
    const list = await gateway.request(`${ORIGIN}${listPath}`, { headers })
    expect(list.status).toBe(200)
    expect(list.headers.get('content-encoding')).toBe('br')
    const rows = JSON.parse(brotliDecompressSync(await bytes(list)).toString()) as {
      instances: unknown[]
    }
    expect(rows.instances.length).toBeGreaterThanOrEqual(40)
    const etag = list.headers.get('etag') ?? ''
    expect(etag).toMatch(/\.br"$/)

    const again = await gateway.request(`${ORIGIN}${listPath}`, {
      headers: { ...headers, 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })
})
