/**
 * `npm run bench:trove`: the embedded cloud against real Trove 18 (the reference cloud) on the same
 * machine in the same run, issue 7: `GET /v1.0/{project}/instances/detail` with 1,000 instances in
 * the project, requests per second and p50/p99 latency, as ratios.
 *
 * Both clouds get 1,000 instances the same way (through the API as demo, after an admin raised
 * the quotas with `PUT /mgmt/quotas/{project}`), and the run waits until none is building. Then
 * a closed-loop load generator (bench/load.ts, fixed concurrency, keep-alive, Keystone token of
 * demo) sends the same query to each cloud for the same time, interleaved A,B,A,B, for two
 * queries: Trove's default page (no `limit`) and `?limit=1000`. It also times reading the whole
 * list by following `next` links, interleaved. Needs a reference cloud started by
 * ../shared/reference-cloud/start (BENCH_REF_KEYSTONE, default http://127.0.0.1:5000/v3).
 * Writes bench/results/trove-latest.json.
 */
import { median, runBench, startServer, writeResults } from './lib'
import {
  createInstances,
  keystoneLogin,
  listAllInstances,
  missingNames,
  raiseQuotas,
  troveRequest,
  waitForInstances,
  type CloudSession,
} from './cloud-api'
import { round, runLoad, type LoadResult } from './load'

const COUNT = Number(process.env.BENCH_TROVE_INSTANCES ?? 1000)
const SECONDS = Number(process.env.BENCH_TROVE_SECONDS ?? 20)
const CONCURRENCY = Number(process.env.BENCH_TROVE_CONCURRENCY ?? 4)
const ROUNDS = Number(process.env.BENCH_TROVE_ROUNDS ?? 2)
const WALKS = Number(process.env.BENCH_TROVE_WALKS ?? 5)
const CREATE_CONCURRENCY = Number(process.env.BENCH_TROVE_CREATE_CONCURRENCY ?? 8)
const PORT = Number(process.env.BENCH_TROVE_PORT ?? 4541)
const REF_KEYSTONE = process.env.BENCH_REF_KEYSTONE ?? 'http://127.0.0.1:5000/v3'
const PREFIX = 'bench'
const QUERIES = ['/instances/detail', '/instances/detail?limit=1000']

interface Arranged {
  session: CloudSession
  created: number
  createSeconds: number
  settleSeconds: number
  inProject: number
  statuses: Record<string, number>
}

/** 1,000 settled instances in project demo, created through the API; timed. */
async function arrange(keystoneV3: string): Promise<Arranged> {
  const admin = await keystoneLogin(keystoneV3, 'admin', 'secret')
  const session = await keystoneLogin(keystoneV3, 'demo', 'demo')
  await raiseQuotas(admin, session.projectId, {
    instances: COUNT + 50,
    volumes: COUNT * 2 + 100,
  })
  const missing = missingNames(PREFIX, COUNT, await listAllInstances(session))
  const created = await createInstances(session, missing, CREATE_CONCURRENCY)
  const t0 = performance.now()
  const list = await waitForInstances(
    session,
    (l) => l.filter((i) => i.name.startsWith(`${PREFIX}-`) && i.status !== 'BUILD').length >= COUNT,
    60 * 60_000,
    10_000,
  )
  const statuses: Record<string, number> = {}
  for (const i of list) statuses[i.status] = (statuses[i.status] ?? 0) + 1
  return {
    session,
    created: missing.length,
    createSeconds: round(created.ms / 1000, 1),
    settleSeconds: round((performance.now() - t0) / 1000, 1),
    inProject: list.length,
    statuses,
  }
}

/** How many instances one answer to `query` holds, and whether it links a next page. */
async function pageShape(s: CloudSession, query: string) {
  const r = await troveRequest<{ instances: unknown[]; links?: { rel: string }[] }>(s, 'GET', query)
  return {
    status: r.status,
    instances: r.data.instances.length,
    nextLink: r.data.links?.some((l) => l.rel === 'next') ?? false,
  }
}

function summary(runs: LoadResult[]) {
  return {
    rps: round(median(runs.map((r) => r.rps)), 1),
    p50Ms: round(median(runs.map((r) => r.p50Ms)), 1),
    p99Ms: round(median(runs.map((r) => r.p99Ms)), 1),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  }
}

async function main() {
  const embeddedServer = await startServer(PORT, ['--task-speed', '0.02'])
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    instances: COUNT,
    secondsPerTrial: SECONDS,
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
  }
  try {
    const clouds = {
      embedded: await arrange(`${embeddedServer.url}/v3`),
      real: await arrange(REF_KEYSTONE),
    }
    results.arrange = Object.fromEntries(
      Object.entries(clouds).map(([k, { session: _s, ...rest }]) => [k, rest]),
    )
    const names = ['embedded', 'real'] as const
    const loads: Record<string, unknown> = {}
    for (const query of QUERIES) {
      const shape = {
        embedded: await pageShape(clouds.embedded.session, query),
        real: await pageShape(clouds.real.session, query),
      }
      const trials: Record<string, LoadResult[]> = { embedded: [], real: [] }
      for (let r = 0; r < ROUNDS; r++) {
        for (const name of names) {
          const s = clouds[name].session
          const res = await runLoad(
            `${s.trove}${query}`,
            { 'X-Auth-Token': s.token, Accept: 'application/json' },
            SECONDS * 1000,
            CONCURRENCY,
          )
          console.error(`${query} ${name} round ${r + 1}: ${JSON.stringify(res)}`)
          trials[name]?.push(res)
        }
      }
      const e = summary(trials.embedded ?? [])
      const t = summary(trials.real ?? [])
      loads[query] = {
        perRequest: shape,
        trials,
        median: { embedded: e, real: t },
        ratio: {
          rpsEmbeddedOverReal: round(e.rps / t.rps, 2),
          p50RealOverEmbedded: round(t.p50Ms / e.p50Ms, 2),
          p99RealOverEmbedded: round(t.p99Ms / e.p99Ms, 2),
        },
      }
    }
    results.load = loads

    // The whole list, following `next` links (limit=1000 asked; real Trove caps pages at 20).
    const walks: Record<string, number[]> = { embedded: [], real: [] }
    const pages: Record<string, number> = {}
    for (let w = 0; w < WALKS; w++) {
      for (const name of names) {
        const t0 = performance.now()
        const all = await listAllInstances(clouds[name].session)
        walks[name]?.push(Math.round(performance.now() - t0))
        pages[name] = all.length
      }
    }
    const we = median(walks.embedded ?? [])
    const wr = median(walks.real ?? [])
    results.wholeList = {
      runsMs: walks,
      instancesRead: pages,
      medianMs: { embedded: we, real: wr },
      ratioRealOverEmbedded: round(wr / we, 2),
    }
  } finally {
    await embeddedServer.stop()
  }
  writeResults('bench/results/trove-latest.json', results)
}

runBench(main)
