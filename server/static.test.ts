import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, describe, expect, it } from 'vitest'
import { negotiateEncoding, registerStatic } from './static'

const dir = mkdtempSync(join(tmpdir(), 'static-test-'))
const INDEX = `<!doctype html><title>console</title>${'<!-- padding -->'.repeat(100)}`
const SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `row ${i}`))}`
mkdirSync(join(dir, 'assets'))
writeFileSync(join(dir, 'index.html'), INDEX)
writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT)
writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const app = new Hono()
registerStatic(app, dir)
const get = (path: string, headers: Record<string, string> = {}) =>
  app.request(`http://console.test${path}`, { headers })

describe('static files', () => {
  it('serves hashed assets as immutable for a year, with an ETag and Vary', async () => {
    const res = await get('/assets/index-Ab12Cd34.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('etag')).toMatch(/^W\/".+"$/)
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await res.text()).toBe(SCRIPT)
  })

  it('serves index.html (and the SPA fallback) with no-cache', async () => {
    for (const path of ['/', '/index.html', '/instances/abc?region=RegionOne']) {
      const res = await get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toBe(INDEX)
    }
  })

  it('answers 304 with no body when If-None-Match holds the ETag', async () => {
    const first = await get('/assets/index-Ab12Cd34.js')
    const etag = first.headers.get('etag') ?? ''
    const again = await get('/assets/index-Ab12Cd34.js', { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    const strong = await get('/assets/index-Ab12Cd34.js', {
      'If-None-Match': `"other", ${etag.replace('W/', '')}`,
    })
    expect(strong.status).toBe(304)
    const other = await get('/assets/index-Ab12Cd34.js', { 'If-None-Match': '"other"' })
    expect(other.status).toBe(200)
  })

  it('gives different files different ETags, and a changed file a new one', async () => {
    const a = (await get('/')).headers.get('etag')
    const b = (await get('/assets/index-Ab12Cd34.js')).headers.get('etag')
    expect(a).not.toBe(b)
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" a="1"/>')
    const before = (await get('/favicon.svg')).headers.get('etag')
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" a="22"/>')
    const res = await get('/favicon.svg')
    expect(res.headers.get('etag')).not.toBe(before)
    expect(await res.text()).toContain('a="22"')
  })

  it('compresses with brotli when accepted, else gzip, else not at all', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(br.headers.get('content-encoding')).toBe('br')
    const brBytes = Buffer.from(await br.arrayBuffer())
    expect(brBytes.length).toBeLessThan(SCRIPT.length)
    expect(brotliDecompressSync(brBytes).toString()).toBe(SCRIPT)

    const gz = await get('/', { 'Accept-Encoding': 'gzip' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(INDEX)

    const plain = await get('/', { 'Accept-Encoding': 'br;q=0, identity' })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(INDEX)
  })

  it('leaves tiny files uncompressed', async () => {
    const res = await get('/favicon.svg', { 'Accept-Encoding': 'br, gzip' })
    expect(res.headers.get('content-encoding')).toBeNull()
  })

  it('answers 404 for a missing hashed asset and never serves outside the build', async () => {
    expect((await get('/assets/missing-123.js')).status).toBe(404)
    const escape = await get('/..%2F..%2Fetc%2Fpasswd')
    expect(await escape.text()).toBe(INDEX)
  })

  it('leaves API paths to the APIs', async () => {
    expect((await get('/trove/RegionOne/v1.0/')).status).toBe(404)
    expect((await get('/dbaas/x')).status).toBe(404)
  })
})

describe('negotiateEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, br', 'br'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['identity', 'identity'],
    ['gzip;q=0, br;q=0', 'identity'],
  ])('%s -> %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected)
  })
})
