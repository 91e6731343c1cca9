/**
 * The journal's write cost per request (issue 17): 50 concurrent clients send mutating requests
 * through the journal middleware to a handler that does nothing else (a 202), against the
 * SQLite state store on a file with the writer thread (the default; results.0) and with the
 * former main-thread writer (results.1), and, with DATABASE_URL, PostgreSQL. Same process, the
 * variants in the same rounds, each interleaved with the bare handler:
 * - paced: 50 clients each sending one request every PACE_MS (an ordinary busy server, not
 *   saturated): added latency p50/p95 (with minus without);
 * - saturated: 50 clients each sending the next request as soon as the last is answered: the
 *   event loop is always busy, so any CPU a request costs is paid ~50 times by the requests
 *   queued behind it (added p95 = queue depth × CPU per request);
 * - CPU per request (process.cpuUsage, every thread, the deferred build and write included), and
 *   the main thread's own CPU per request (/proc), with minus without;
 * - entries stored = requests sent (nothing lost).
 * Writes bench/results/journal-latest.json.
 *   npm run bench:journal    |    bash scripts/with-postgres.sh npm run bench:journal
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono, type Context } from 'hono'
import { openPostgresStateStore } from '../server/console-state/postgres-state-store'
import { openSqliteStateStore } from '../server/console-state/sqlite-state-store'
import type { StateStore } from '../server/console-state/state-store'
import { createJournal } from '../server/journal/journal'
import { journalMiddleware } from '../server/journal/journal-middleware'
import { fixedActors } from '../server/journal/fixed-actors'

const CLIENTS = 50
const PER_CLIENT = Number(process.env.BENCH_PER_CLIENT ?? 200)
const PACED_PER_CLIENT = Number(process.env.BENCH_PACED_PER_CLIENT ?? 60)
const PACE_MS = 50
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

const actors = fixedActors

function pct(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
}

const body = JSON.stringify({
  resize: { volume: { size: 3 } },
  users: [{ name: 'app', password: 'x' }],
})

async function send(app: Hono, c: number): Promise<number> {
  const t0 = performance.now()
  const res = await app.request(`http://bench/trove/RegionOne/v1.0/p1/instances/i${c}/action`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': 't' },
    body,
  })
  await res.arrayBuffer()
  return performance.now() - t0
}

interface Load {
  times: number[]
  wallMs: number
  /** Process CPU (user + system, every thread) over the load, ms. */
  cpuMs: number
  /** The main thread's CPU (the event loop that answers), ms; NaN where /proc is missing. */
  mainCpuMs: number
}

/**
 * The main thread's CPU time so far, ms (Linux: /proc/self/task/<pid>/stat, utime + stime in
 * clock ticks of 10 ms; a load of 10,000 requests takes seconds, so the ticks are fine enough).
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}

/** Saturated: each client sends its next request as soon as the last is answered. */
async function load(app: Hono, after: () => Promise<void>): Promise<Load> {
  const times: number[] = []
  const cpu0 = process.cpuUsage()
  const main0 = mainThreadCpuMs()
  const start = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < PER_CLIENT; i++) times.push(await send(app, c))
    }),
  )
  await after()
  const cpu = process.cpuUsage(cpu0)
  const mainCpuMs = mainThreadCpuMs() - main0
  return {
    mainCpuMs,
    times: times.sort((a, b) => a - b),
    wallMs: performance.now() - start,
    cpuMs: (cpu.user + cpu.system) / 1000,
  }
}

/** Paced: each client sends one request every PACE_MS (clients spread over the interval). */
async function paced(app: Hono): Promise<number[]> {
  const times: number[] = []
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)))
  const start = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < PACED_PER_CLIENT; i++) {
        await sleep(start + (c * PACE_MS) / CLIENTS + i * PACE_MS - performance.now())
        times.push(await send(app, c))
      }
    }),
  )
  return times.sort((a, b) => a - b)
}

interface Round {
  pacedP50: number
  pacedP95: number
  pacedWithP95: number
  pacedWithoutP95: number
  cpuPerRequest: number
  mainCpuPerRequest: number
  costPerRequest: number
  p50: number
  p95: number
  withP95: number
  withoutP95: number
}

/** A journal under test: where it builds and writes its entries. */
interface Variant {
  name: string
  store: StateStore
  writer: 'worker' | 'main'
}

/**
 * The variants are measured in the same rounds, interleaved with the bare handler (the machine's
 * load changes over a run: old and new must see the same load).
 */
async function measure(variants: Variant[]) {
  // The handler reads its body, as every Trove handler does (the journal reads the same, cached).
  const handler = async (c: Context) => {
    await c.req.text()
    return c.body(null, 202)
  }
  const bare = new Hono().post('/trove/*', handler)
  const setups = await Promise.all(
    variants.map(async (v) => {
      const written = { ms: 0, rows: 0 }
      const journal = createJournal(v.store, {
        writer: v.writer,
        onWritten: (rows, ms) => {
          written.rows += rows
          written.ms += ms
        },
      })
      const writesIn = await journal.writerStarted
      const app = new Hono()
      app.use(journalMiddleware({ journal, actors }))
      app.post('/trove/*', handler)
      return { v, journal, app, written, writesIn, rounds: [] as Round[] }
    }),
  )
  const none = () => Promise.resolve()
  for (let r = 0; r < ROUNDS; r++) {
    for (const s of setups) {
      const p0 = await paced(bare)
      const p1 = await paced(s.app)
      const w0 = await load(bare, none)
      const w1 = await load(s.app, () => s.journal.flush())
      if (process.env.BENCH_VERBOSE)
        console.log(
          `${s.v.name} round ${r + 1}: saturated p95 with ${pct(w1.times, 0.95).toFixed(2)} / without ${pct(w0.times, 0.95).toFixed(2)} ms; main-thread cpu with ${w1.mainCpuMs} / without ${w0.mainCpuMs} ms`,
        )
      s.rounds.push({
        pacedP50: pct(p1, 0.5) - pct(p0, 0.5),
        pacedP95: pct(p1, 0.95) - pct(p0, 0.95),
        pacedWithP95: pct(p1, 0.95),
        pacedWithoutP95: pct(p0, 0.95),
        cpuPerRequest: (w1.cpuMs - w0.cpuMs) / (CLIENTS * PER_CLIENT),
        mainCpuPerRequest: (w1.mainCpuMs - w0.mainCpuMs) / (CLIENTS * PER_CLIENT),
        costPerRequest: (w1.wallMs - w0.wallMs) / (CLIENTS * PER_CLIENT),
        p50: pct(w1.times, 0.5) - pct(w0.times, 0.5),
        p95: pct(w1.times, 0.95) - pct(w0.times, 0.95),
        withP95: pct(w1.times, 0.95),
        withoutP95: pct(w0.times, 0.95),
      })
    }
  }
  const out = []
  for (const { v, journal, written, writesIn, rounds } of setups) {
    await journal.flush()
    const count = await v.store.query<{ n: number }>('SELECT COUNT(*) AS n FROM journal_entries')
    await journal.close()
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
    const m = (f: (r: Round) => number) => round(median(rounds.map(f)))
    out.push({
      store: v.name,
      /** Where entries were built and written ('worker': the journal's writer thread). */
      writesIn,
      clients: CLIENTS,
      requests: CLIENTS * (PER_CLIENT + PACED_PER_CLIENT) * ROUNDS,
      entriesStored: Number(count[0]?.n ?? 0),
      /** Paced load (each client one request per PACE_MS): latency with minus without. */
      paced: {
        requestsPerSecond: (CLIENTS * 1000) / PACE_MS,
        addedLatencyMs: { p50: m((r) => r.pacedP50), p95: m((r) => r.pacedP95) },
        latencyP95Ms: { with: m((r) => r.pacedWithP95), without: m((r) => r.pacedWithoutP95) },
      },
      /** Process CPU per request (every thread), the deferred build and write included, with minus without. */
      journalCpuMsPerRequest: m((r) => r.cpuPerRequest),
      /**
       * The main thread's share (the event loop every request waits on), with minus without:
       * under saturation, each request waits ~50 × this behind the others.
       */
      journalMainThreadCpuMsPerRequest: m((r) => r.mainCpuPerRequest),
      /** What one request waits behind the 49 others' journal work on the event loop: 50 × the above. */
      saturatedQueueCpuMs: round(CLIENTS * median(rounds.map((r) => r.mainCpuPerRequest))),
      /** Saturated load: (wall with, writes included, minus without) / requests. */
      journalCostMsPerRequest: m((r) => r.costPerRequest),
      /** Saturated load: 50 requests always queued on one event loop. */
      saturated: {
        addedLatencyMs: { p50: m((r) => r.p50), p95: m((r) => r.p95) },
        latencyP95Ms: { with: m((r) => r.withP95), without: m((r) => r.withoutP95) },
      },
      /** Build + write per entry, in the thread that did it. */
      storeWriteMsPerEntry: round(written.rows ? written.ms / written.rows : 0),
    })
  }
  return out
}

const round = (x: number) => Math.round(x * 1000) / 1000
const dir = mkdtempSync(join(tmpdir(), 'bench-journal-'))
// results.0 is the default (the writer thread); results.1 the former main-thread writer, same run.
const variants: Variant[] = [
  {
    name: 'sqlite (file, WAL), writer thread',
    store: openSqliteStateStore(join(dir, 'worker.db')),
    writer: 'worker',
  },
  {
    name: 'sqlite (file, WAL), main thread (before)',
    store: openSqliteStateStore(join(dir, 'main.db')),
    writer: 'main',
  },
]
if (process.env.DATABASE_URL)
  variants.push({
    name: 'postgresql (main thread)',
    store: await openPostgresStateStore(process.env.DATABASE_URL),
    writer: 'main',
  })
const results = await measure(variants)
rmSync(dir, { recursive: true, force: true })
console.table(
  results.map((r) => ({
    store: r.store,
    'writes in': r.writesIn,
    requests: r.requests,
    stored: r.entriesStored,
    'paced added p95 ms': r.paced.addedLatencyMs.p95,
    'saturated added p50 ms': r.saturated.addedLatencyMs.p50,
    'cpu ms/request': r.journalCpuMsPerRequest,
    'main-thread cpu ms/request': r.journalMainThreadCpuMsPerRequest,
    'saturated added p95 ms': r.saturated.addedLatencyMs.p95,
    'write ms/entry': r.storeWriteMsPerEntry,
  })),
)
mkdirSync('bench/results', { recursive: true })
writeFileSync(
  'bench/results/journal-latest.json',
  `${JSON.stringify({ at: new Date().toISOString(), loadAverage: loadavg(), results }, null, 2)}\n`,
)
