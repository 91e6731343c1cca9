import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { feedResponseSchema } from '@/api/feed/schemas'
import { createTestCloud } from '../testing'
import { EncodedSnapshots } from './feed-snapshot'

const body = (n: number) =>
  Buffer.from(
    JSON.stringify({
      rows: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `db-${i}` })),
    }),
  )

describe('EncodedSnapshots', () => {
  it('compresses a snapshot once per coding and hands every viewer the same bytes', async () => {
    const enc = new EncodedSnapshots()
    const a = body(2000)
    const [br1, br2] = await Promise.all([enc.get(a, 'br'), enc.get(a, 'br')])
    expect(br1).toBe(br2) // two viewers at once: one compression
    expect(await enc.get(a, 'br')).toBe(br1) // a later viewer: no compression at all
    expect(br1.byteLength).toBeLessThan(a.length / 5)
    expect(brotliDecompressSync(br1).equals(a)).toBe(true)
    const gz = await enc.get(a, 'gzip')
    expect(gunzipSync(gz).equals(a)).toBe(true)
    expect(Buffer.from(await enc.get(a, 'identity')).equals(a)).toBe(true)
  })

  it('compresses again when the snapshot changed', async () => {
    const enc = new EncodedSnapshots()
    const a = body(50)
    const first = await enc.get(a, 'br')
    const b = body(60)
    const second = await enc.get(b, 'br')
    expect(second).not.toBe(first)
    expect(brotliDecompressSync(second).equals(b)).toBe(true)
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
      const br = await get(q, 'gzip, deflate, br')
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
      const gz = await get(q, 'gzip')
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
