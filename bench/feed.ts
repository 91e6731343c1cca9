/**
 * `npx tsx bench/feed.ts`: the change feed on the embedded cloud at 5,000 and 20,000 instances
 * (issue 14 point 5), in-process (the cloud's own app, no browser): how long a cold watcher takes
 * to hold every row, the bytes of a quiet feed poll, of a poll after one change, and of a snapshot
 * (first after a change, and again, asked as a browser asks), the earlier snapshot code's
 * steps in the same run (`before*`), and the server's heap. Writes bench/results/feed-latest.json.
 */
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gunzipSync } from 'node:zlib'
import { createTestCloud } from '../server/testing'
import { ManualClock } from '../server/engine/clock'
import { compactRowText } from '../server/watch/feed-log'
import { feedResponseSchema } from '../src/api/feed/schemas'

const brotli = promisify(brotliCompress)

async function measure(n: number) {
  const t = createTestCloud({
    demoInstances: n,
    pageSizeMax: 1000,
    clock: new ManualClock(Date.now()),
  })
  const s = await t.login('demo', 'demo', 'demo')
  const get = async (q: string) => {
    const res = await t.app.request(
      `http://cloud.test:8080/console-api/v1/feed?region=RegionOne&${q}`,
      {
        headers: { 'X-Auth-Token': s.token },
      },
    )
    const text = await res.text()
    return { text, body: feedResponseSchema.parse(JSON.parse(text)) }
  }
  const heapBefore = process.memoryUsage().heapUsed
  const buffersBefore = process.memoryUsage().arrayBuffers
  const started = performance.now()
  const first = await get('')
  let warm = first.body.warm
  while (warm.length < 2) {
    await new Promise((r) => setTimeout(r, 20))
    warm = (await get('')).body.warm
  }
  const warmMs = performance.now() - started
  const cursor = (await get('')).body.cursor
  const quiet = await get(`cursor=${cursor}`)
  const created = await t.json('POST', `${t.troveBase(s.projectId)}/instances`, {
    token: s.token,
    body: { instance: { name: 'bench-feed', flavorRef: '2', volume: { size: 2 } } },
  })
  if (created.status !== 200) throw new Error(JSON.stringify(created.body))
  await new Promise((r) => setTimeout(r, 50))
  const change = await get(`cursor=${quiet.body.cursor}`)
  // The snapshot a list's first load reads, asked as a browser asks (gzip, deflate, br; the
  // server answers gzip): the first (every block compressed), again (the same bytes), and after
  // one more change.
  const snapshot = async () => {
    const t0 = performance.now()
    const res = await t.app.request(
      `http://cloud.test:8080/console-api/v1/feed?region=RegionOne&snapshot=1&kinds=instances`,
      { headers: { 'X-Auth-Token': s.token, 'Accept-Encoding': 'gzip, deflate, br' } },
    )
    const bytes = Buffer.from(await res.arrayBuffer())
    return { ms: performance.now() - t0, bytes, coding: res.headers.get('content-encoding') }
  }
  const firstSnap = await snapshot()
  const cachedSnap = await snapshot()
  // One more change: the next snapshot makes (and compresses) only that row's block again.
  const again = await t.json('POST', `${t.troveBase(s.projectId)}/instances`, {
    token: s.token,
    body: { instance: { name: 'bench-feed-2', flavorRef: '2', volume: { size: 2 } } },
  })
  if (again.status !== 200) throw new Error(JSON.stringify(again.body))
  await new Promise((r) => setTimeout(r, 50))
  const changedSnap = await snapshot()
  if (firstSnap.coding !== 'gzip') throw new Error(`snapshot sent as ${firstSnap.coding}, not gzip`)
  const snapText = gunzipSync(firstSnap.bytes).toString('utf8')
  // What the SPA does with it: JSON.parse, then the feed schema (zod).
  const p0 = performance.now()
  const json: unknown = JSON.parse(snapText)
  const p1 = performance.now()
  const snap = feedResponseSchema.parse(json)
  const p2 = performance.now()
  // Before (same run, the earlier code's steps): every row's text without links joined into one
  // string, then per request the compression middleware's SHA-1 ETag and brotli quality 4.
  const w = t.watch.list()[0]
  const rows = w ? w.feed.ids('instances').map((id) => w.feed.get('instances', id)) : []
  const perRequest = async (text: string) => {
    const body = Buffer.from(text)
    createHash('sha1').update(body).digest('base64url')
    await brotli(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 4,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    })
  }
  const b0 = performance.now()
  const headText = JSON.stringify({ cursor: snap.cursor, reset: true, warm: snap.warm })
  const oldText = `${headText.slice(0, -1)},"instances":{"created":[${rows
    .map((r) => (r ? compactRowText(r) : 'null'))
    .join(',')}]}}`
  await perRequest(oldText)
  const b1 = performance.now()
  await perRequest(oldText)
  const b2 = performance.now()
  const heapAfter = process.memoryUsage().heapUsed
  const buffersAfter = process.memoryUsage().arrayBuffers
  t.close()
  return {
    instances: n,
    coldWatcherWarmMs: Math.round(warmMs),
    quietPollBytes: quiet.text.length,
    oneChangePollBytes: change.text.length,
    snapshotBytes: Buffer.byteLength(snapText),
    snapshotGzipBytes: firstSnap.bytes.length,
    snapshotRows: snap.instances?.created?.length ?? 0,
    snapshotMs: Math.round(firstSnap.ms),
    snapshotCachedMs: Math.round(cachedSnap.ms),
    snapshotAfterChangeMs: Math.round(changedSnap.ms),
    beforeSnapshotMs: Math.round(b1 - b0),
    beforeSnapshotCachedBrMs: Math.round(b2 - b1),
    clientJsonParseMs: Math.round(p1 - p0),
    clientZodParseMs: Math.round(p2 - p1),
    heapGrowthMB: Math.round((heapAfter - heapBefore) / 1e5) / 10,
    // Buffers (rows' snapshot bytes, blocks, compressed parts) live outside the JS heap.
    buffersGrowthMB: Math.round((buffersAfter - buffersBefore) / 1e5) / 10,
  }
}

const results = []
for (const n of [5000, 20000]) {
  const r = await measure(n)
  console.log(JSON.stringify(r))
  results.push(r)
}
writeFileSync(
  'bench/results/feed-latest.json',
  `${JSON.stringify({ at: new Date().toISOString(), loadAverage: loadavg(), results }, null, 2)}\n`,
)
