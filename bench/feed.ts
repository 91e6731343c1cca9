/**
 * `npx tsx bench/feed.ts`: the change feed on the embedded cloud at 5,000 and 20,000 instances
 * (issue 14 point 5), in-process (the cloud's own app, no browser): how long a cold watcher takes
 * to hold every row, the bytes of a quiet feed poll, of a poll after one change, and of a snapshot,
 * and the server's heap. Writes bench/results/feed-latest.json.
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { createTestCloud } from '../server/testing'
import { ManualClock } from '../server/engine/clock'
import { feedResponseSchema } from '../src/api/feed/schemas'

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
  // The snapshot a list's first load reads: first (built) and again (cached until a change).
  const snapStarted = performance.now()
  const snapRes = await t.app.request(
    `http://cloud.test:8080/console-api/v1/feed?region=RegionOne&snapshot=1&kinds=instances`,
    { headers: { 'X-Auth-Token': s.token } },
  )
  const snapText = await snapRes.text()
  const snapshotMs = performance.now() - snapStarted
  const againStarted = performance.now()
  const brRes = await t.app.request(
    `http://cloud.test:8080/console-api/v1/feed?region=RegionOne&snapshot=1&kinds=instances`,
    { headers: { 'X-Auth-Token': s.token, 'Accept-Encoding': 'br' } },
  )
  const brBytes = (await brRes.arrayBuffer()).byteLength
  const snapshotCachedBrMs = performance.now() - againStarted
  // What the SPA does with it: JSON.parse, then the feed schema (zod).
  const p0 = performance.now()
  const json: unknown = JSON.parse(snapText)
  const p1 = performance.now()
  const snap = feedResponseSchema.parse(json)
  const p2 = performance.now()
  // Before: the same rows serialised whole (links included) on every snapshot.
  const w = t.watch.list()[0]
  const oldStarted = performance.now()
  const oldText = JSON.stringify({
    cursor: snap.cursor,
    warm: snap.warm,
    reset: true,
    instances: {
      created: w ? w.feed.ids('instances').map((id) => w.feed.get('instances', id)) : [],
    },
  })
  const oldSerialiseMs = performance.now() - oldStarted
  const heapAfter = process.memoryUsage().heapUsed
  t.close()
  return {
    instances: n,
    coldWatcherWarmMs: Math.round(warmMs),
    quietPollBytes: quiet.text.length,
    oneChangePollBytes: change.text.length,
    snapshotBytes: snapText.length,
    snapshotBrBytes: brBytes,
    snapshotRows: snap.instances?.created?.length ?? 0,
    snapshotMs: Math.round(snapshotMs),
    snapshotCachedBrMs: Math.round(snapshotCachedBrMs),
    clientJsonParseMs: Math.round(p1 - p0),
    clientZodParseMs: Math.round(p2 - p1),
    beforeBytes: oldText.length,
    beforeSerialiseMs: Math.round(oldSerialiseMs),
    heapGrowthMB: Math.round((heapAfter - heapBefore) / 1e5) / 10,
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
