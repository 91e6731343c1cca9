import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { feedResponseSchema } from '@/api/feed/schemas'
import { createTestCloud } from '../testing'
import { EncodedSnapshots, gzipParts, snapshotEncoding } from './feed-snapshot'

/** `{"rows":[…]}` in parts: the head, blocks of 100 rows, the end (as FeedLog.snapshotParts). */
const parts = (n: number) => {
  const rows = Array.from({ length: n }, (_, i) => `{"id":"r${i}","name":"db-${i}"}`)
  const blocks: Buffer[] = []
  for (let i = 0; i < n; i += 100) {
    blocks.push(Buffer.from(`${i ? ',' : ''}${rows.slice(i, i + 100).join(',')}`))
  }
  return [Buffer.from('{"rows":['), ...blocks, Buffer.from(']}')]
}

describe('snapshotEncoding', () => {
  it('takes gzip whenever the client does, brotli only without gzip', () => {
    expect(snapshotEncoding('gzip, deflate, br, zstd')).toBe('gzip')
    expect(snapshotEncoding('br')).toBe('br')
    expect(snapshotEncoding('br, gzip;q=0')).toBe('br')
    expect(snapshotEncoding('*')).toBe('gzip')
    expect(snapshotEncoding(undefined)).toBe('identity')
    expect(snapshotEncoding('identity')).toBe('identity')
  })
})

describe('EncodedSnapshots', () => {
  it('makes a snapshot once per coding and hands every viewer the same bytes', async () => {
    const enc = new EncodedSnapshots()
    const a = parts(2000)
    const whole = Buffer.concat(a)
    const [gz1, gz2] = await Promise.all([enc.get(a, 'gzip'), enc.get(a, 'gzip')])
    expect(gz1).toBe(gz2) // two viewers at once: one compression
    expect(await enc.get(a, 'gzip')).toBe(gz1) // a later viewer: no compression at all
    expect(gz1.byteLength).toBeLessThan(whole.length / 3)
    expect(gunzipSync(gz1).equals(whole)).toBe(true)
    const br = await enc.get(a, 'br')
    expect(brotliDecompressSync(br).equals(whole)).toBe(true)
    expect(Buffer.from(await enc.get(a, 'identity')).equals(whole)).toBe(true)
  })

  it('makes it again when the snapshot changed; a gzip body reuses the unchanged parts', async () => {
    const enc = new EncodedSnapshots()
    const a = parts(300)
    const first = await enc.get(a, 'gzip')
    // One part changed, one appended: a new array sharing the other Buffers.
    const b = [...a.slice(0, -1), Buffer.from(',{"id":"new","name":"ünïcode"}'), ...a.slice(-1)]
    b[2] = Buffer.from(',{"id":"r100","name":"renamed"}')
    const second = await enc.get(b, 'gzip')
    expect(second).not.toBe(first)
    expect(gunzipSync(second).equals(Buffer.concat(b))).toBe(true)
    expect(JSON.parse(gunzipSync(second).toString()).rows).toHaveLength(202)
  })

  it('is a valid gzip member for one part and for an empty snapshot', async () => {
    for (const p of [[Buffer.from('{}')], [Buffer.from('{"a":1}'), Buffer.from('')]]) {
      expect(gunzipSync(await gzipParts(p)).toString()).toBe(Buffer.concat(p).toString())
    }
  })
})

describe('GET /console-api/v1/feed?snapshot=1', () => {
  it('answers compressed as negotiated, the same bytes to the next viewer', async () => {
    const t = createTestCloud({ demoInstances: 300, pageSizeMax: 1000 })
    try {
      const s = await t.login('demo', 'demo', 'demo')
      const get = (q: string, encoding?: string) =>
        t.app.request(`http://cloud.test:8080/console-api/v1/feed?region=RegionOne&${q}`, {
          headers: {
            'X-Auth-Token': s.token,
            ...(encoding ? { 'Accept-Encoding': encoding } : {}),
          },
        })
      for (let i = 0; i < 200; i++) {
        const warm = feedResponseSchema.parse(await (await get('')).json()).warm
        if (warm.includes('instances')) break
        await new Promise((r) => setTimeout(r, 20))
      }
      const q = 'snapshot=1&kinds=instances'
      const br = await get(q, 'br')
      expect(br.status).toBe(200)
      expect(br.headers.get('content-encoding')).toBe('br')
      expect(br.headers.get('vary')).toMatch(/accept-encoding/i)
      expect(br.headers.get('cache-control')).toBe('no-store')
      const brBytes = Buffer.from(await br.arrayBuffer())
      expect(Number(br.headers.get('content-length'))).toBe(brBytes.length)
      const snap = feedResponseSchema.parse(JSON.parse(brotliDecompressSync(brBytes).toString()))
      expect(snap.reset).toBe(true)
      expect(snap.instances?.created).toHaveLength(300)

      const again = Buffer.from(await (await get(q, 'br')).arrayBuffer())
      expect(again.equals(brBytes)).toBe(true)
      const gz = await get(q, 'gzip, deflate, br')
      expect(gz.headers.get('content-encoding')).toBe('gzip')
      const gzText = gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()
      expect(JSON.parse(gzText)).toEqual(JSON.parse(brotliDecompressSync(brBytes).toString()))
      const plain = await get(q)
      expect(plain.headers.get('content-encoding')).toBeNull()
      expect(feedResponseSchema.parse(await plain.json()).instances?.created).toHaveLength(300)
    } finally {
      t.close()
    }
  })
})
