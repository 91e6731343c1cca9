/**
 * The journal's write cost per request (issue 17): 50 concurrent clients send mutating requests
 * through the journal middleware to a handler that does nothing else (a 202), against the
 * SQLite state store on a file (the default) and, with DATABASE_URL, PostgreSQL. Reports the
 * added latency per request (p50/p95, with minus without the middleware, same load) and the
 * store's write time per entry (batched). Writes bench/results/journal-latest.json.
 *   npm run bench:journal    |    bash scripts/with-postgres.sh npm run bench:journal
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono, type Context } from 'hono'
import { openPostgresStateStore } from '../server/console-state/postgres-state-store'
import { openSqliteStateStore } from '../server/console-state/sqlite-state-store'
import type { StateStore } from '../server/console-state/state-store'
import type { ActorResolver } from '../server/journal/actors'
import { createJournal } from '../server/journal/journal'
import { journalMiddleware } from '../server/journal/journal-middleware'

const CLIENTS = 50
const PER_CLIENT = Number(process.env.BENCH_PER_CLIENT ?? 200)
const ROUNDS = 3

const actors: ActorResolver = {
  resolve: () =>
    Promise.resolve({
      userId: 'u1',
      userName: 'demo',
      projectId: 'p1',
      projectName: 'demo',
      isAdmin: false,
      expiresAt: Date.now() + 3600_000,
    }),
  learn: () => {},
  regionOfEndpoint: () => null,
}

function pct(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
}

async function load(app: Hono): Promise<{ times: number[]; wallMs: number }> {
  const times: number[] = []
  const start = performance.now()
  const body = JSON.stringify({
    resize: { volume: { size: 3 } },
    users: [{ name: 'app', password: 'x' }],
  })
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < PER_CLIENT; i++) {
        const t0 = performance.now()
        const res = await app.request(
          `http://bench/trove/RegionOne/v1.0/p1/instances/i${c}/action`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Auth-Token': 't' },
            body,
          },
        )
        await res.arrayBuffer()
        times.push(performance.now() - t0)
      }
    }),
  )
  return { times: times.sort((a, b) => a - b), wallMs: performance.now() - start }
}

async function measure(name: string, store: StateStore) {
  let writeMs = 0
  let written = 0
  const timed: StateStore = {
    ...store,
    backend: store.backend,
    where: store.where,
    async runBatch(sql, rows) {
      const t0 = performance.now()
      await store.runBatch(sql, rows)
      writeMs += performance.now() - t0
      written += rows.length
    },
  }
  const journal = createJournal(timed)
  // The handler reads its body, as every Trove handler does; the journal reads a copy.
  const handler = async (c: Context) => {
    await c.req.text()
    return c.body(null, 202)
  }
  const bare = new Hono().post('/trove/*', handler)
  const journaled = new Hono()
  journaled.use(journalMiddleware({ journal, actors }))
  journaled.post('/trove/*', handler)
  const rounds = []
  for (let r = 0; r < ROUNDS; r++) {
    const w0 = await load(bare)
    const t0 = performance.now()
    const w1 = await load(journaled)
    await journal.flush()
    const withWall = performance.now() - t0
    const without = w0.times
    const withJ = w1.times
    rounds.push({
      costPerRequest: (withWall - w0.wallMs) / (CLIENTS * PER_CLIENT),
      p50: pct(withJ, 0.5) - pct(without, 0.5),
      p95: pct(withJ, 0.95) - pct(without, 0.95),
      withP95: pct(withJ, 0.95),
      withoutP95: pct(without, 0.95),
    })
  }
  const count = await store.query<{ n: number }>('SELECT COUNT(*) AS n FROM journal_entries')
  await store.close()
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  return {
    store: name,
    clients: CLIENTS,
    requests: CLIENTS * PER_CLIENT * ROUNDS,
    entriesStored: Number(count[0]?.n ?? 0),
    /** (wall time of the load with the journal, its writes included, minus without) / requests. */
    journalCostMsPerRequest: median(rounds.map((r) => r.costPerRequest)),
    addedLatencyMs: {
      p50: median(rounds.map((r) => r.p50)),
      p95: median(rounds.map((r) => r.p95)),
    },
    latencyP95Ms: {
      with: median(rounds.map((r) => r.withP95)),
      without: median(rounds.map((r) => r.withoutP95)),
    },
    storeWriteMsPerEntry: written ? writeMs / written : 0,
  }
}

const dir = mkdtempSync(join(tmpdir(), 'bench-journal-'))
const results = [await measure('sqlite (file, WAL)', openSqliteStateStore(join(dir, 'state.db')))]
if (process.env.DATABASE_URL)
  results.push(await measure('postgresql', await openPostgresStateStore(process.env.DATABASE_URL)))
rmSync(dir, { recursive: true, force: true })
const round = (x: number) => Math.round(x * 1000) / 1000
const out = results.map((r) => ({
  ...r,
  addedLatencyMs: { p50: round(r.addedLatencyMs.p50), p95: round(r.addedLatencyMs.p95) },
  latencyP95Ms: { with: round(r.latencyP95Ms.with), without: round(r.latencyP95Ms.without) },
  storeWriteMsPerEntry: round(r.storeWriteMsPerEntry),
  journalCostMsPerRequest: round(r.journalCostMsPerRequest),
}))
console.table(
  out.map((r) => ({
    store: r.store,
    requests: r.requests,
    stored: r.entriesStored,
    'added p50 ms': r.addedLatencyMs.p50,
    'added p95 ms': r.addedLatencyMs.p95,
    'write ms/entry': r.storeWriteMsPerEntry,
  })),
)
mkdirSync('bench/results', { recursive: true })
writeFileSync(
  'bench/results/journal-latest.json',
  `${JSON.stringify({ at: new Date().toISOString(), results: out }, null, 2)}\n`,
)
