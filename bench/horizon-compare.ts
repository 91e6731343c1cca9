/**
 * `npm run bench:horizon`: the console's change feed in gateway mode against Horizon 23 +
 * trove-dashboard 19 on the reference cloud (real Keystone + real Trove 18), issue 14's
 * "How it will be checked", one run, both clients on the same data:
 *
 * - 1,000 instances in project demo (created through the API once, then reused), of which 50 are
 *   held in BUILD: 20 on Horizon's first page (Trove's first page of 20) and 30 further down.
 *   Real Trove's fakes finish a build in ~9 s, so the bench writes Trove's own task status
 *   (BUILDING) into its SQLite file: Trove then answers BUILD (a task is running) for them until
 *   the bench writes NONE back, which is also "the change at Trove" of the latency samples.
 * - Load: one console viewer, ten console tabs, one console viewer again (A-B-A: Trove's answers
 *   drift with its uptime), each counted over one backstop cycle of the watcher; then one Horizon
 *   tab and ten Horizon tabs, each counted for BENCH_HZ_WINDOW_SECONDS from the moment every page
 *   shows its rows. At Trove, from Trove's own access log: requests and busy time (Trove's own
 *   answer times) per minute, list walks, most reads in flight at once; Trove's CPU time from
 *   /proc. Before each Horizon window the bench waits until Trove hears nothing (the console's
 *   watcher has stopped). Browsers stand in for viewers on their own machines: their
 *   scheduler group runs at nice 19, the servers' at -10 (see `setAutogroupPriority`).
 * - Latency: one console page and one Horizon page open together; an instance of Horizon's first
 *   page is set ACTIVE at Trove; the time until each page shows it (same change, both clients).
 * - All 1,000 rows usable: the console with a warm watcher (its snapshot) against Horizon's paged
 *   list followed with "Next" to its last page.
 *
 * Needs the reference cloud with Horizon: REFCLOUD_DIR=... KEYSTONE_PORT=... TROVE_PORT=...
 * HORIZON_PORT=... ../shared/reference-cloud/start --horizon, then BENCH_REF_KEYSTONE,
 * BENCH_HORIZON and REFCLOUD_DIR pointing at it, and a build in dist/. Writes
 * bench/results/horizon-latest.json.
 */
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import {
  launchBrowser,
  setAutogroupPriority,
  setProcessPriority,
  median,
  runBench,
  startServer,
  writeResults,
  type RunningServer,
} from './lib'
import {
  createInstances,
  keystoneLogin,
  listAllInstances,
  missingNames,
  raiseQuotas,
  troveRequest,
  waitForInstances,
  type CloudSession,
  type ListedInstance,
} from './cloud-api'
import { logSize } from './poll-window'
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import {
  cpuPerMinute,
  isInstanceWalkStart,
  processCpuSeconds,
  tailTroveLog,
  troveLoad,
  type TroveLoad,
} from './trove-log'

const COUNT = Number(process.env.BENCH_HZ_INSTANCES ?? 1000)
const BUILDING = Number(process.env.BENCH_HZ_BUILDING ?? 50)
const FIRST_PAGE = 20
const WINDOW_MS = Number(process.env.BENCH_HZ_WINDOW_SECONDS ?? 60) * 1000
const VIEWERS = Number(process.env.BENCH_HZ_VIEWERS ?? 10)
const LATENCY_SAMPLES = Number(process.env.BENCH_HZ_LATENCY_SAMPLES ?? 5)
const BACKSTOP_S = Number(process.env.BENCH_HZ_BACKSTOP_SECONDS ?? 60)
/**
 * CPU priority of the viewers' browsers (console and Horizon tabs alike; 0: the bench's own):
 * they stand in for viewers on their own machines, and on the bench's two cores ten tabs'
 * rendering slowed Trove's answers (s7: ten console tabs ÷ one, busy time 2.30× while Trove's
 * own CPU time stayed 0.95×).
 */
const VIEWER_NICENESS = Number(process.env.BENCH_HZ_VIEWER_NICENESS ?? 19)
/**
 * CPU priority of the cloud's API servers (Keystone and Trove, every thread; 0: leave them): above
 * whatever else runs on the shared machine, so that Trove's answer times are its own work, for
 * both clients alike. Recorded in the results.
 */
const SERVER_NICENESS = Number(process.env.BENCH_HZ_SERVER_NICENESS ?? -10)
/**
 * CPU priority of the two front ends (Horizon's server and the console's, every thread): below the
 * cloud's servers, as on their own hosts in a deployment. At the same priority as Trove, the
 * console server's work for ten tabs (their feed requests) slowed Trove's answers on the bench's
 * two cores (s9: ten tabs ÷ one, Trove's busy time 1.36× while its CPU time was 1.08×); Horizon's
 * server, doing far more per tab, slowed them more. Recorded in the results.
 */
const FRONTEND_NICENESS = Number(process.env.BENCH_HZ_FRONTEND_NICENESS ?? -5)
function pidOf(name: string): number[] {
  try {
    return [Number(readFileSync(`${REFCLOUD_DIR}/${name}.pid`, 'utf8').trim())]
  } catch {
    return []
  }
}
function prioritizeServers(console?: RunningServer): { threads: number } & Record<string, number> {
  if (SERVER_NICENESS === 0) return { threads: 0 }
  const servers = [...pidOf('keystone'), ...pidOf('trove')]
  const frontEnds = console ? [...pidOf('horizon'), console.pid] : pidOf('horizon')
  const threads =
    setProcessPriority(servers, SERVER_NICENESS) + setProcessPriority(frontEnds, FRONTEND_NICENESS)
  // The reference cloud's processes share one autogroup (one start script), the console server
  // shares the bench's: rank the groups too, or the threads' nice means nothing between them.
  const groups = setAutogroupPriority([
    ...servers.map((pid) => ({ pid, niceness: SERVER_NICENESS })),
    ...frontEnds.map((pid) => ({ pid, niceness: FRONTEND_NICENESS })),
  ])
  return {
    threads,
    serverNiceness: SERVER_NICENESS,
    frontendNiceness: FRONTEND_NICENESS,
    ...groups,
  }
}
const launchViewers = () => launchBrowser(VIEWER_NICENESS > 0 ? { niceness: VIEWER_NICENESS } : {})
/**
 * "All rows usable" times one page in a browser at the normal priority, for both clients: that
 * figure is how fast a user's own machine gets there, which a viewer at nice 19 behind the servers
 * is not (s10: the console's warm load took 4.8 s at nice 19 while the servers read, 1.0-1.4 s at
 * the normal priority; Horizon's paged list is its server's work either way).
 */
const launchTimer = () => launchBrowser()
/** Trove silent this long = the last window's clients are gone (0: do not wait; smoke runs only). */
const QUIET_MS = Number(process.env.BENCH_HZ_QUIET_MS ?? 5000)
const PORT = Number(process.env.BENCH_HZ_PORT ?? 4520)
const STATIC = process.env.BENCH_STATIC ?? 'dist'
const KEYSTONE = process.env.BENCH_REF_KEYSTONE ?? 'http://127.0.0.1:5000/v3'
const HORIZON = process.env.BENCH_HORIZON ?? 'http://127.0.0.1:8081'
const REFCLOUD_DIR = process.env.REFCLOUD_DIR ?? '/tmp/reference-cloud'
const TROVE_DB = `${REFCLOUD_DIR}/trove.sqlite`
const TROVE_LOG = `${REFCLOUD_DIR}/trove.log`
/**
 * `arrange` only creates the instances (long: ~1 s per create on real Trove); `console` measures
 * only the console's windows (one viewer, ten tabs: ~15 min instead of ~45), writing
 * `horizon-console-latest.json`; `all-rows` only the console's warm list against Horizon's paged
 * one (~5 min), writing `horizon-all-rows-latest.json`. The full run writes both. `soak` holds
 * ten console tabs open and logs each minute (see `soak`).
 */
const PHASE = process.env.BENCH_HZ_PHASE ?? 'all'
/** How long a console tab may take to load (a viewer's browser runs at the lowest priority). */
const TAB_LOAD_MS = 120_000
/** Instances created through Trove's API; the rest are copies (see `copyInstances`). */
const API_CREATES = Number(process.env.BENCH_HZ_API_CREATES ?? 200)
/** The project's user (its name is also its password and its project's, as the start script makes them). */
const USER = process.env.BENCH_HZ_USER ?? 'demo'
const PASSWORD = USER
const PREFIX = 'hz'
/** How long a page may take to show all rows (a cold project's first walk: ~150 s at 1,000). */
const COLD_ROWS_MS = Number(process.env.BENCH_HZ_COLD_ROWS_MS ?? 420_000)

const TASK_BUILDING = 0x05
const TASK_NONE = 0x01

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const round1 = (n: number) => Math.round(n * 10) / 10

/* ------------------------------------------------------------------ arrange */

async function arrange(): Promise<{ s: CloudSession; createMs: number; copied: number }> {
  const admin = await keystoneLogin(KEYSTONE, 'admin', 'secret')
  const s = await keystoneLogin(KEYSTONE, USER, PASSWORD)
  await raiseQuotas(admin, s.projectId, { instances: COUNT + 50, volumes: COUNT * 2 + 100 })
  const have = await listAllInstances(s)
  const missing = missingNames(PREFIX, COUNT, have)
  const viaApi = Math.max(0, Math.min(missing.length, API_CREATES - (COUNT - missing.length)))
  const createMs = Math.round((await createInstances(s, missing.slice(0, viaApi), 8)).ms)
  const settled = (l: ListedInstance[]) =>
    l.filter((i) => i.name.startsWith(`${PREFIX}-`) && i.status === 'ACTIVE').length
  await waitForInstances(s, (l) => settled(l) >= COUNT - missing.length + viaApi, 30 * 60_000, 5000)
  const copied = copyInstances(s.projectId, missing.slice(viaApi))
  await waitForInstances(s, (l) => settled(l) >= COUNT, 60_000, 2000)
  return { s, createMs, copied }
}

/**
 * The instances beyond the first API_CREATES, as copies of created ones in Trove's own tables (an
 * `instances` row and its guest's `service_statuses` row, new ids and names; the copy shares its
 * source's fake server and volume): real Trove creates ~20 a minute on this shared machine. Trove
 * lists and shows a copy with its own code, as any instance.
 */
function copyInstances(projectId: string, names: readonly string[]): number {
  if (names.length === 0) return 0
  const db = new Database(TROVE_DB, { timeout: 10_000 })
  try {
    const sources = db
      .prepare(
        `SELECT id FROM instances WHERE tenant_id = ? AND deleted = 0 AND task_id = ? AND name LIKE ?`,
      )
      .all(projectId, TASK_NONE, `${PREFIX}-%`) as { id: string }[]
    if (sources.length === 0) throw new Error('no settled instance to copy')
    const copyRow = db.prepare(
      `INSERT INTO instances (id, created, updated, name, hostname, compute_instance_id, task_id,
         task_description, task_start_time, volume_id, flavor_id, volume_size, tenant_id,
         server_status, deleted, deleted_at, datastore_version_id, configuration_id, slave_of_id,
         cluster_id, shard_id, type, region_id, encrypted_key, access)
       SELECT ?, datetime('now'), datetime('now'), ?, hostname, compute_instance_id, task_id,
         task_description, task_start_time, volume_id, flavor_id, volume_size, tenant_id,
         server_status, deleted, deleted_at, datastore_version_id, configuration_id, slave_of_id,
         cluster_id, shard_id, type, region_id, encrypted_key, access
       FROM instances WHERE id = ?`,
    )
    const copyStatus = db.prepare(
      `INSERT INTO service_statuses (id, instance_id, status_id, status_description, updated_at)
       SELECT ?, ?, status_id, status_description, updated_at FROM service_statuses
       WHERE instance_id = ?`,
    )
    db.transaction(() => {
      names.forEach((name, k) => {
        const from = sources[k % sources.length]?.id ?? ''
        const id = randomUUID()
        copyRow.run(id, name, from)
        copyStatus.run(randomUUID(), id, from)
      })
    })()
    return names.length
  } finally {
    db.close()
  }
}

/** Sets Trove's own task status of these instances (see the header for why). */
function setTask(ids: readonly string[], task: number, description: string): number {
  const db = new Database(TROVE_DB, { timeout: 10_000 })
  try {
    const stmt = db.prepare(
      'UPDATE instances SET task_id = ?, task_description = ? WHERE id = ? AND deleted = 0',
    )
    let n = 0
    db.transaction(() => {
      for (const id of ids) n += stmt.run(task, description, id).changes
    })()
    return n
  } finally {
    db.close()
  }
}

/** The bench's instances in Trove's own table (no list walk: ~150 s at 1,000 on real Trove). */
function arrangedIds(projectId: string): { id: string; name: string }[] {
  const db = new Database(TROVE_DB, { readonly: true, timeout: 10_000 })
  try {
    return db
      .prepare(
        `SELECT id, name FROM instances WHERE tenant_id = ? AND deleted = 0 AND name LIKE ? ORDER BY name`,
      )
      .all(projectId, `${PREFIX}-%`) as { id: string; name: string }[]
  } finally {
    db.close()
  }
}

/**
 * The 20 instances of Trove's (and so Horizon's) first page (one list read), and 30 spread over
 * the others (from Trove's table, no list walk).
 */
async function pickBuilding(
  s: CloudSession,
): Promise<{ first: ListedInstance[]; rest: { id: string; name: string }[] }> {
  const page = await troveRequest<{ instances: ListedInstance[] }>(s, 'GET', '/instances/detail')
  if (page.status !== 200) throw new Error(`first page: HTTP ${page.status}`)
  const first = page.data.instances.slice(0, FIRST_PAGE)
  const firstIds = new Set(first.map((i) => i.id))
  const others = arrangedIds(s.projectId).filter((i) => !firstIds.has(i.id))
  const want = BUILDING - first.length
  const step = Math.max(1, Math.floor(others.length / want))
  const rest = Array.from({ length: want }, (_, k) => others[k * step]).filter(
    (i): i is { id: string; name: string } => i !== undefined,
  )
  return { first, rest }
}

/* ------------------------------------------------------------------ clients */

async function consoleLogin(page: Page, origin: string) {
  await page.goto(`${origin}/login`, { timeout: TAB_LOAD_MS })
  await page.getByRole('textbox', { name: 'User name', exact: true }).fill(USER)
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click({ noWaitAfter: true })
  await page.waitForURL((url) => url.pathname.startsWith('/instances'), { timeout: 120_000 })
}

const ALL_ROWS = new RegExp(`^${COUNT.toLocaleString('en-US').replace(',', ',?')} instances`)

async function consoleRowsShown(page: Page) {
  await page
    .getByTestId('instances-count')
    .filter({ hasText: ALL_ROWS })
    .waitFor({ timeout: COLD_ROWS_MS })
}

async function horizonLogin(page: Page) {
  await page.goto(`${HORIZON}/auth/login/`)
  await page.getByRole('textbox', { name: 'User Name', exact: true }).fill(USER)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign In' }).click({ noWaitAfter: true })
  await page.waitForURL((u) => !u.pathname.startsWith('/auth/login'), { timeout: 120_000 })
}

/**
 * Horizon's page load with its tabs already open polling: up to `HORIZON_PAGE_MS` (s5 saw > 120 s
 * for the tenth tab: Horizon's server saturates).
 */
async function horizonRowsShown(page: Page) {
  await page.goto(`${HORIZON}/project/databases/`, { timeout: HORIZON_PAGE_MS })
  await page.locator('tr.ajax-update').first().waitFor({ timeout: HORIZON_PAGE_MS })
}

const HORIZON_PAGE_MS = Number(process.env.BENCH_HZ_HORIZON_PAGE_SECONDS ?? 300) * 1000

interface Opened {
  contexts: BrowserContext[]
  pages: Page[]
}

/** `n` tabs of one signed-in browser (one session, as a user opens tabs). */
async function openConsole(browser: Browser, server: RunningServer, n: number): Promise<Opened> {
  const context = await browser.newContext()
  const pages: Page[] = [await context.newPage()]
  await consoleLogin(pages[0] as Page, server.url)
  for (let i = 1; i < n; i++) {
    const page = await context.newPage()
    await page.goto(`${server.url}/instances`)
    pages.push(page)
  }
  await Promise.all(pages.map(consoleRowsShown))
  return { contexts: [context], pages }
}

/**
 * `n` tabs of one signed-in Horizon session, opened one at a time (each loaded before the next,
 * as a user opens them); a tab that does not load closes the session and fails the window.
 */
async function openHorizon(browser: Browser, n: number): Promise<Opened> {
  const context = await browser.newContext()
  try {
    const pages: Page[] = [await context.newPage()]
    await horizonLogin(pages[0] as Page)
    await horizonRowsShown(pages[0] as Page)
    for (let i = 1; i < n; i++) {
      const page = await context.newPage()
      const t = Date.now()
      await horizonRowsShown(page)
      log(`horizon tab ${i + 1} loaded`, Date.now() - t)
      pages.push(page)
    }
    return { contexts: [context], pages }
  } catch (e) {
    await context.close()
    throw e
  }
}

/** Up to VIEWERS tabs of the signed-in console session, each showing every row. */
async function openMoreTabs(tabs: Opened, srv: RunningServer) {
  const context = tabs.contexts[0]
  if (!context) throw new Error('no context')
  while (tabs.pages.length < VIEWERS) {
    const page = await context.newPage()
    await page.goto(`${srv.url}/instances`, { timeout: TAB_LOAD_MS })
    tabs.pages.push(page)
  }
  await Promise.all(tabs.pages.map(consoleRowsShown))
}

async function close(o: Opened) {
  for (const c of o.contexts) await c.close()
}

/** Waits until Trove has heard nothing for `quietMs` (a stopped watcher), at most `maxMs`. */
async function troveQuiet(quietMs = QUIET_MS, maxMs = 90_000): Promise<number> {
  if (quietMs <= 0) return 0
  const t0 = Date.now()
  let size = logSize(TROVE_LOG)
  let since = Date.now()
  while (Date.now() - t0 < maxMs) {
    await sleep(500)
    const now = logSize(TROVE_LOG)
    if (now !== size) {
      size = now
      since = Date.now()
    } else if (Date.now() - since >= quietMs) return Date.now() - t0
  }
  throw new Error(`Trove was never quiet for ${quietMs} ms in ${maxMs} ms: another client?`)
}

/** Trove's CPU seconds so far (its process, from the start script's pid file). */
const troveCpu = () => processCpuSeconds(readFileSync(`${REFCLOUD_DIR}/trove.pid`, 'utf8').trim())

/** What reached Trove while `WINDOW_MS` passed. */
async function countAtTrove(verify?: () => Promise<void>): Promise<TroveLoad> {
  await verify?.()
  const tail = tailTroveLog(TROVE_LOG)
  const cpu0 = troveCpu()
  const t0 = Date.now()
  await sleep(WINDOW_MS)
  const cpu = cpuPerMinute(cpu0, troveCpu(), Date.now() - t0)
  const load = { ...troveLoad(tail.stop(), WINDOW_MS / 1000), cpuSecondsPerMinute: cpu }
  await verify?.()
  return load
}

/**
 * What reached Trove over exactly one backstop cycle of the watcher: from the start of one list
 * walk (its first page in Trove's log) to the start of the next. The one-viewer and ten-viewer
 * windows then each hold one walk and the reads between two walks, whatever their phase, so the
 * walk falls in both or in neither (s5's fixed 60 s windows caught it in one only).
 */
async function countCycle(verify?: () => Promise<void>, maxMs = CYCLE_MAX_MS): Promise<TroveLoad> {
  await verify?.()
  const tail = tailTroveLog(TROVE_LOG)
  const t0 = Date.now()
  let starts: number[] = []
  // Trove's CPU time when the tail first saw each walk start (within a peek, 250 ms).
  const cpuAt: { s: number; at: number }[] = []
  while (Date.now() - t0 < maxMs) {
    await sleep(250)
    starts = tail
      .peek()
      .filter(isInstanceWalkStart)
      .map((l) => l.endMs)
    while (cpuAt.length < Math.min(2, starts.length)) cpuAt.push({ s: troveCpu(), at: Date.now() })
    if (starts.length >= 2) break
  }
  const lines = tail.stop()
  const [from, to] = starts
  const [cpuFrom, cpuTo] = cpuAt
  if (from === undefined || to === undefined || !cpuFrom || !cpuTo)
    throw new Error(`no whole backstop cycle within ${maxMs} ms (${starts.length} walk starts)`)
  await verify?.()
  const inCycle = lines.filter((l) => l.endMs >= from && l.endMs < to)
  return {
    ...troveLoad(inCycle, (to - from) / 1000),
    cpuSecondsPerMinute: cpuPerMinute(cpuFrom.s, cpuTo.s, cpuTo.at - cpuFrom.at),
  }
}

/** Longest wait for a whole backstop cycle (a walk of 50 pages takes ~100 s on real Trove). */
const CYCLE_MAX_MS = Number(process.env.BENCH_HZ_CYCLE_MAX_SECONDS ?? 600) * 1000

interface Window {
  viewers: number
  trove: TroveLoad
  /** Horizon: rows that poll (not final); console: rows the watcher follows (all BUILD). */
  polledRows: number
  /** Console windows: the console server's own CPU seconds per minute (its process). */
  consoleServerCpuSecondsPerMinute?: number
}

/** One console window: what reached Trove over one backstop cycle, and the console server's CPU. */
async function consoleWindow(srv: RunningServer, viewers: number): Promise<Window> {
  const cpu = () => processCpuSeconds(String(srv.pid))
  const cpu0 = cpu()
  const t0 = Date.now()
  const trove = await countCycle(srv.verify)
  const consoleServerCpuSecondsPerMinute = cpuPerMinute(cpu0, cpu(), Date.now() - t0)
  return { viewers, trove, polledRows: BUILDING, consoleServerCpuSecondsPerMinute }
}

/** The watcher holds the whole list (its first walk is done): asked as a viewer would. */
async function watcherWarm(server: RunningServer, token: string, maxMs = 600_000) {
  const t0 = Date.now()
  while (Date.now() - t0 < maxMs) {
    const res = await fetch(`${server.url}/console-api/v1/feed?region=RegionOne`, {
      headers: { 'X-Auth-Token': token },
    })
    if (res.ok) {
      const body = (await res.json()) as { warm?: string[] }
      if (body.warm?.includes('instances')) return Date.now() - t0
    }
    await sleep(2000)
  }
  throw new Error('the watcher never held the list')
}

async function horizonWindow(browser: Browser, n: number): Promise<Window> {
  await troveQuiet()
  const opened = await openHorizon(browser, n)
  try {
    const first = opened.pages[0]
    const polledRows = first ? await first.locator('tr.warning.ajax-update').count() : 0
    const trove = await countAtTrove()
    if (trove.requests === 0)
      throw new Error(`Horizon polled nothing: is ${TROVE_LOG} its Trove's log?`)
    return { viewers: n, trove, polledRows }
  } finally {
    await close(opened)
  }
}

/* ------------------------------------------------------------------ latency */

/** Resolves with the time (Date.now) the page's row of `name` shows ACTIVE instead of BUILD. */
async function shownActive(page: Page, name: string, rowSelector: string): Promise<number> {
  const t0 = Date.now()
  const shown = await page
    .waitForFunction(
      ({ name, rowSelector }) => {
        for (const tr of document.querySelectorAll(rowSelector)) {
          // Word by word: the console's status and operating-status badges are adjacent elements
          // ("ACTIVE" "ERROR"), whose joined textContent "ACTIVEERROR" has no word boundary (s5
          // and s6's first run counted every console sample as not shown for that).
          const words: string[] = []
          const walker = document.createTreeWalker(tr, NodeFilter.SHOW_TEXT)
          for (let n = walker.nextNode(); n; n = walker.nextNode()) words.push(n.textContent ?? '')
          const text = words.join(' ')
          if (text.includes(name))
            return /\bACTIVE\b|\bActive\b/.test(text) && !/\bBUILD\b|\bBuild\b/.test(text)
        }
        return false
      },
      { name, rowSelector },
      { polling: 50, timeout: SHOWN_TIMEOUT_MS },
    )
    .then(
      () => true,
      () => false,
    )
  // Not shown in time: counted as the timeout (a lower bound), and said so in the results.
  return shown ? Date.now() : t0 + SHOWN_TIMEOUT_MS
}

/** Longest wait for a change to show in one client (a sample that waits this long is a miss). */
const SHOWN_TIMEOUT_MS = 120_000

/** Where a change was seen on its way to the console's screen (ms after the change; null: never). */
interface LatencyStages {
  /** A Node client asking the feed every 500 ms (the viewer's token) got the row settled. */
  feedMs: number | null
  /** The console page's own feed request answered it. */
  spaFeedMs: number | null
  /** The console page's feed requests and their statuses during the sample. */
  spaFeedRequests: number
  spaFeedFailures: number
  /** The page at the end of the sample (a sign-out would show /login). */
  path: string
  visibility: string
}

/**
 * The same change seen by both: an instance of Horizon's first page is set ACTIVE at Trove while
 * a console tab (filtered to its name) and a Horizon tab are open; then held in BUILD again. The
 * console page is brought to the front before each sample (what a user looking at it sees; the
 * Horizon page keeps polling, as its timers do in any tab), and each stage is timed: the feed as
 * a Node client reads it, the page's own feed answer, the row on screen.
 */
async function latency(
  browser: Browser,
  cp: Page,
  first: ListedInstance[],
  feedUrl: string,
  token: string,
): Promise<{ consoleMs: number[]; horizonMs: number[]; stages: LatencyStages[] }> {
  const h = await openHorizon(browser, 1)
  const consoleMs: number[] = []
  const horizonMs: number[] = []
  const stages: LatencyStages[] = []
  const released: string[] = []
  let sample: { id: string; t0: number; st: LatencyStages } | undefined
  cp.on('response', (r) => {
    const cur = sample
    if (!cur || !r.url().includes('/console-api/v1/feed')) return
    cur.st.spaFeedRequests++
    if (r.status() !== 200) {
      cur.st.spaFeedFailures++
      return
    }
    void r.text().then(
      (text) => {
        if (cur.st.spaFeedMs === null && settledIn(text, cur.id))
          cur.st.spaFeedMs = Date.now() - cur.t0
      },
      () => undefined,
    )
  })
  try {
    const hp = h.pages[0]
    if (!hp) throw new Error('no page')
    // Both have been open a while (past their first, fastest polls), as a user's would.
    await sleep(30_000)
    for (const inst of first.slice(0, LATENCY_SAMPLES)) {
      await cp.bringToFront()
      await cp.getByRole('searchbox', { name: 'Filter' }).fill(inst.name)
      await cp.getByRole('cell', { name: inst.name, exact: true }).waitFor()
      let cursor = ((await feedJson(feedUrl, token)) as { cursor: string }).cursor
      const st: LatencyStages = {
        feedMs: null,
        spaFeedMs: null,
        spaFeedRequests: 0,
        spaFeedFailures: 0,
        path: '',
        visibility: '',
      }
      const t0 = Date.now()
      if (setTask([inst.id], TASK_NONE, 'No tasks for the instance.') !== 1)
        throw new Error(`could not set ${inst.name} ACTIVE`)
      released.push(inst.id)
      sample = { id: inst.id, t0, st }
      let sampling = true
      const feedWatch = (async () => {
        while (sampling && st.feedMs === null) {
          const body = await feedJson(`${feedUrl}&cursor=${cursor}`, token).catch(() => null)
          if (body && typeof body === 'object' && 'cursor' in body) {
            if (settledIn(JSON.stringify(body), inst.id)) st.feedMs = Date.now() - t0
            cursor = String(body.cursor)
          }
          await sleep(500)
        }
      })()
      const [tc, th] = await Promise.all([
        shownActive(cp, inst.name, '[role="row"], tbody tr'),
        shownActive(hp, inst.name, 'tbody tr'),
      ])
      sampling = false
      await feedWatch
      sample = undefined
      st.path = new URL(cp.url()).pathname
      st.visibility = await cp.evaluate(() => document.visibilityState).catch(() => 'unknown')
      consoleMs.push(tc - t0)
      horizonMs.push(th - t0)
      stages.push(st)
      log('latency sample', { name: inst.name, consoleMs: tc - t0, horizonMs: th - t0, ...st })
      // Another phase against both clients' poll timers for the next sample.
      await sleep(5000 + Math.round(Math.random() * 10_000))
    }
    await cp.getByRole('searchbox', { name: 'Filter' }).fill('')
  } finally {
    await close(h)
    setTask(released, TASK_BUILDING, 'The instance is building.')
  }
  return { consoleMs, horizonMs, stages }
}

/** Whether a feed answer's text carries the row `id` as ACTIVE (its `status` right after its id). */
function settledIn(text: string, id: string): boolean {
  const at = text.indexOf(`"id":"${id}"`)
  if (at < 0) return false
  const status = /"status":"([A-Z_]+)"/.exec(text.slice(at, at + 400))?.[1]
  return status === 'ACTIVE'
}

async function feedJson(url: string, token: string): Promise<unknown> {
  const res = await fetch(url, { headers: { 'X-Auth-Token': token } })
  if (!res.ok) throw new Error(`feed: HTTP ${res.status}`)
  return res.json()
}

/* ------------------------------------------------------------------ all rows */

/** A second viewer while the watcher is warm: navigation to all 1,000 rows shown. */
async function consoleAllRows(browser: Browser, server: RunningServer): Promise<number> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await consoleLogin(page, server.url)
    const t0 = Date.now()
    await page.goto(`${server.url}/instances`)
    await consoleRowsShown(page)
    return Date.now() - t0
  } finally {
    await context.close()
  }
}

/** Horizon's paged list, followed with "Next" to its last page. */
async function horizonAllRows(browser: Browser) {
  const context = await browser.newContext()
  try {
    const hp = await context.newPage()
    await horizonLogin(hp)
    const t1 = Date.now()
    await hp.goto(`${HORIZON}/project/databases/`, { timeout: 120_000 })
    let pages = 0
    let rows = 0
    for (;;) {
      await hp.locator('tbody tr').first().waitFor({ timeout: 120_000 })
      pages++
      rows += await hp.locator('tbody tr[data-object-id]').count()
      const next = hp.locator('a[href*="marker="]').filter({ hasText: /Next/ })
      if ((await next.count()) === 0) break
      await Promise.all([
        hp.waitForURL(/marker=/, { timeout: 120_000, waitUntil: 'load' }),
        next.first().click({ noWaitAfter: true }),
      ])
    }
    return { horizonPagedMs: Date.now() - t1, horizonPages: pages, horizonRows: rows }
  } finally {
    await context.close()
  }
}

/* ------------------------------------------------------------------ figures */

function perRow(w: Window) {
  return {
    requestsPerMinute: round1(w.trove.requestsPerMinute / Math.max(1, w.polledRows)),
    busySecondsPerMinute:
      Math.round((w.trove.busySecondsPerMinute / Math.max(1, w.polledRows)) * 1000) / 1000,
    cpuSecondsPerMinute:
      w.trove.cpuSecondsPerMinute === undefined
        ? null
        : Math.round((w.trove.cpuSecondsPerMinute / Math.max(1, w.polledRows)) * 10_000) / 10_000,
  }
}

/** A ratio of two figures that may be missing (null when one is). */
const ratioOf = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : ratio(a, b)

const ratio = (a: number, b: number) =>
  b === 0 ? (a === 0 ? 1 : Infinity) : Math.round((a / b) * 100) / 100

const log = (what: string, value: unknown) =>
  console.error(`[bench:horizon] ${what}: ${JSON.stringify(value)}`)

/**
 * BENCH_HZ_PHASE=steady: the shortest check that fits a slow machine (no list walks of the bench's
 * own, no console page): the watcher is started and kept by a viewer that asks the feed every 2 s
 * as the SPA does (Node, not Chromium), counted at Trove once warm; then one Horizon tab.
 */
async function steady() {
  const s = await keystoneLogin(KEYSTONE, USER, PASSWORD)
  const page = await troveRequest<{ instances: ListedInstance[] }>(s, 'GET', '/instances/detail')
  const first = page.data.instances.slice(0, FIRST_PAGE)
  const db = new Database(TROVE_DB, { timeout: 10_000 })
  const others = db
    .prepare(`SELECT id FROM instances WHERE tenant_id = ? AND deleted = 0 ORDER BY name`)
    .all(s.projectId) as { id: string }[]
  db.close()
  const firstIds = new Set(first.map((i) => i.id))
  const rest = others.filter((o) => !firstIds.has(o.id))
  const step = Math.floor(rest.length / (BUILDING - first.length))
  const held = [
    ...first.map((i) => i.id),
    ...Array.from({ length: BUILDING - first.length }, (_, k) => rest[k * step]?.id ?? ''),
  ]
  const browser = await launchViewers()
  let server: RunningServer | undefined
  let viewing = true
  try {
    if (setTask(held, TASK_BUILDING, 'The instance is building.') !== BUILDING)
      throw new Error('could not hold the instances in BUILD')
    await troveQuiet()
    prioritizeServers()
    server = await startServer(PORT, [
      '--keystone',
      KEYSTONE,
      '--watch-backstop',
      String(BACKSTOP_S),
    ])
    const srv = server
    log('servers prioritized', prioritizeServers(srv))
    let cursor = ''
    let feedPolls = 0
    const viewer = (async () => {
      while (viewing) {
        const res = await fetch(
          `${srv.url}/console-api/v1/feed?region=RegionOne${cursor ? `&cursor=${cursor}` : ''}`,
          { headers: { 'X-Auth-Token': s.token } },
        )
        if (res.ok) {
          cursor = ((await res.json()) as { cursor: string }).cursor
          feedPolls++
        }
        await sleep(2000)
      }
    })()
    const t0 = Date.now()
    const warmMs = await watcherWarm(srv, s.token)
    log('warm', { warmMs, since: Date.now() - t0 })
    const console1: Window = {
      viewers: 1,
      trove: await countAtTrove(srv.verify),
      polledRows: BUILDING,
    }
    log('console 1', console1)
    viewing = false
    await viewer
    await server.stop()
    server = undefined
    await troveQuiet(QUIET_MS, 600_000)
    const horizon1 = await horizonWindow(browser, 1)
    log('horizon 1', horizon1)
    const c1 = perRow(console1)
    const h1 = perRow(horizon1)
    writeResults('bench/results/horizon-steady.json', {
      date: new Date().toISOString(),
      instances: COUNT,
      building: BUILDING,
      windowSeconds: WINDOW_MS / 1000,
      backstopSeconds: BACKSTOP_S,
      warmMs,
      feedPolls,
      console1,
      horizon1,
      perRow: { console1: c1, horizon1: h1 },
      ratios: {
        requestsHorizonPerRowOverConsole: ratio(h1.requestsPerMinute, c1.requestsPerMinute),
        busyHorizonPerRowOverConsole: ratio(h1.busySecondsPerMinute, c1.busySecondsPerMinute),
        cpuHorizonPerRowOverConsole: ratioOf(h1.cpuSecondsPerMinute, c1.cpuSecondsPerMinute),
      },
    })
  } finally {
    viewing = false
    await server?.stop()
    setTask(held, TASK_NONE, 'No tasks for the instance.')
    await browser.close()
  }
}

async function main() {
  if (PHASE === 'steady') return steady()
  // Arranged once (BENCH_HZ_PHASE=arrange) and reused: Trove's table says whether it is.
  const login = await keystoneLogin(KEYSTONE, USER, PASSWORD)
  const reuse = PHASE !== 'arrange' && arrangedIds(login.projectId).length >= COUNT
  const { s, createMs, copied } = reuse ? { s: login, createMs: 0, copied: 0 } : await arrange()
  if (PHASE === 'arrange') {
    writeResults('bench/results/horizon-arrange.json', { createMs, copied, instances: COUNT })
    return
  }
  const { first, rest } = await pickBuilding(s)
  const held = [...first, ...rest].map((i) => i.id)
  const browser = await launchViewers()
  const timer = await launchTimer()
  let server: RunningServer | undefined
  try {
    if (setTask(held, TASK_BUILDING, 'The instance is building.') !== BUILDING)
      throw new Error('could not hold the instances in BUILD')
    // Trove answers BUILD for them (its first page, one read; the rest are the same rows' state).
    const shown = await troveRequest<{ instances: ListedInstance[] }>(s, 'GET', '/instances/detail')
    const building = shown.data.instances.filter((i) => i.status === 'BUILD').length
    if (building !== first.length)
      throw new Error(`${building} of the first page in BUILD, not ${first.length}`)
    prioritizeServers()
    server = await startServer(PORT, [
      '--keystone',
      KEYSTONE,
      '--static',
      STATIC,
      '--watch-backstop',
      String(BACKSTOP_S),
    ])
    const srv = server
    log('servers prioritized', prioritizeServers(srv))

    // Console: the first viewer of a cold project, then (watcher warm) one viewer, ten tabs.
    await troveQuiet()
    const t0 = Date.now()
    const tabs = await openConsole(browser, srv, 1)
    const coldFirstViewerMs = Date.now() - t0
    const warmAfterMs = (await watcherWarm(srv, s.token)) + coldFirstViewerMs
    log('console cold', { coldFirstViewerMs, warmAfterMs })
    if (PHASE === 'soak') return await soak(srv, tabs, s.token)
    if (PHASE === 'all-rows') {
      const consoleWarmMs = await consoleAllRows(timer, srv)
      log('console all rows (warm)', consoleWarmMs)
      await close(tabs)
      await troveQuiet(QUIET_MS, 600_000)
      const paged = await horizonAllRows(timer)
      log('horizon all rows', paged)
      writeAllRows(consoleWarmMs, paged)
      return
    }
    const console1 = await consoleWindow(srv, 1)
    log('console 1', console1)
    const consoleWarmMs = await consoleAllRows(timer, srv)
    log('console all rows (warm)', consoleWarmMs)
    await openMoreTabs(tabs, srv)
    const consoleN = await consoleWindow(srv, VIEWERS)
    log('console N', consoleN)
    // One viewer again (A-B-A): Trove's answers drift with its uptime, and the ten-tab window
    // always came after the first one-viewer window; ten ÷ one is taken against both.
    for (const p of tabs.pages.splice(1)) await p.close()
    const console1b = await consoleWindow(srv, 1)
    log('console 1 again', console1b)
    const oneViewer = (pick: (t: TroveLoad) => number | undefined) => {
      const a = pick(console1.trove)
      const b = pick(console1b.trove)
      return a === undefined || b === undefined ? undefined : (a + b) / 2
    }
    const consoleTenOverOne = {
      /** Per minute over one whole backstop cycle each (`countCycle`). */
      consoleTenOverOneRequests: ratioOf(
        consoleN.trove.requestsPerMinute,
        oneViewer((t) => t.requestsPerMinute),
      ),
      consoleTenOverOneBusy: ratioOf(
        consoleN.trove.busySecondsPerMinute,
        oneViewer((t) => t.busySecondsPerMinute),
      ),
      consoleTenOverOneCpu: ratioOf(
        consoleN.trove.cpuSecondsPerMinute,
        oneViewer((t) => t.cpuSecondsPerMinute),
      ),
    }
    // The console's own windows, whichever run measured them last (a full run or `console`).
    writeResults('bench/results/horizon-console-latest.json', {
      date: new Date().toISOString(),
      phase: PHASE,
      instances: COUNT,
      building: BUILDING,
      backstopSeconds: BACKSTOP_S,
      viewerNiceness: VIEWER_NICENESS,
      serverNiceness: SERVER_NICENESS,
      frontendNiceness: FRONTEND_NICENESS,
      viewers: VIEWERS,
      console: { coldFirstViewerMs, warmAfterMs, consoleWarmMs, console1, consoleN, console1b },
      ratios: consoleTenOverOne,
    })
    if (PHASE === 'console') return
    const cp = tabs.pages[0]
    if (!cp) throw new Error('no page')
    const lat = await latency(
      browser,
      cp,
      first,
      `${srv.url}/console-api/v1/feed?region=RegionOne`,
      s.token,
    )
    log('latency', lat)
    await close(tabs)

    // Horizon, once the console's watcher has stopped (Trove quiet).
    await troveQuiet(QUIET_MS, 600_000)
    const horizon1 = await horizonWindow(browser, 1)
    log('horizon 1', horizon1)
    // Horizon's paged list before its ten tabs (s5's run stopped in that window).
    await troveQuiet(QUIET_MS, 600_000)
    const paged = await horizonAllRows(timer)
    log('horizon all rows', paged)
    writeAllRows(consoleWarmMs, paged)
    let horizonN: Window | null = null
    let horizonNError: string | null = null
    try {
      horizonN = await horizonWindow(browser, VIEWERS)
      log('horizon N', horizonN)
    } catch (e) {
      horizonNError = e instanceof Error ? e.message : String(e)
      log('horizon N failed', horizonNError)
    }

    const c1 = perRow(console1)
    const h1 = perRow(horizon1)
    const cN = perRow(consoleN)
    const hN = horizonN ? perRow(horizonN) : null
    // A console window is one backstop cycle: its instance walk, and the backups' walks (their
    // own timer, every BACKSTOP_S: a costly instance walk is spaced further, the cheap backups'
    // walk is not, so a longer cycle holds more of them).
    const allowedWalks = (w: Window) => 2 + Math.floor(w.trove.seconds / BACKSTOP_S)
    const results = {
      date: new Date().toISOString(),
      instances: COUNT,
      building: BUILDING,
      onHorizonFirstPage: first.length,
      windowSeconds: WINDOW_MS / 1000,
      backstopSeconds: BACKSTOP_S,
      viewerNiceness: VIEWER_NICENESS,
      serverNiceness: SERVER_NICENESS,
      frontendNiceness: FRONTEND_NICENESS,
      viewers: VIEWERS,
      createMs,
      copied,
      console: { coldFirstViewerMs, warmAfterMs, console1, consoleN, console1b },
      horizon: { horizon1, horizonN, horizonNError },
      perRow: { console1: c1, horizon1: h1, consoleN: cN, horizonN: hN },
      latency: {
        consoleMs: lat.consoleMs,
        horizonMs: lat.horizonMs,
        consoleMedianMs: median(lat.consoleMs),
        horizonMedianMs: median(lat.horizonMs),
        stages: lat.stages,
      },
      allRows: { consoleWarmMs, ...paged },
      ratios: {
        /** ≥ 1: per row kept fresh, Horizon costs Trove at least what the console does. */
        requestsHorizonPerRowOverConsole: ratio(h1.requestsPerMinute, c1.requestsPerMinute),
        busyHorizonPerRowOverConsole: ratio(h1.busySecondsPerMinute, c1.busySecondsPerMinute),
        /** The same in Trove's CPU time (not load-bound: see `TroveLoad.cpuSecondsPerMinute`). */
        cpuHorizonPerRowOverConsole: ratioOf(h1.cpuSecondsPerMinute, c1.cpuSecondsPerMinute),
        /** ≥ 1: the console shows the change no later (medians). */
        latencyHorizonOverConsole: ratio(median(lat.horizonMs), median(lat.consoleMs)),
        ...consoleTenOverOne,
        horizonTenOverOneRequests: horizonN
          ? ratio(horizonN.trove.requests, horizon1.trove.requests)
          : null,
        /** Per row kept fresh, ten viewers each. */
        tenViewersHorizonOverConsoleRequests: hN
          ? ratio(hN.requestsPerMinute, cN.requestsPerMinute)
          : null,
        tenViewersHorizonOverConsoleBusy: hN
          ? ratio(hN.busySecondsPerMinute, cN.busySecondsPerMinute)
          : null,
        tenViewersHorizonOverConsoleCpu: hN
          ? ratioOf(hN.cpuSecondsPerMinute, cN.cpuSecondsPerMinute)
          : null,
        allRowsHorizonOverConsole: ratio(paged.horizonPagedMs, consoleWarmMs),
      },
      walks: {
        allowed: { console1: allowedWalks(console1), consoleN: allowedWalks(consoleN) },
        console1: console1.trove.walkStarts,
        consoleN: consoleN.trove.walkStarts,
        /** Walks beyond the backstop's (0 when no poll walks the list). */
        excess: Math.max(
          0,
          console1.trove.walkStarts - allowedWalks(console1),
          consoleN.trove.walkStarts - allowedWalks(consoleN),
        ),
        consoleMaxInFlight: Math.max(console1.trove.maxInFlight, consoleN.trove.maxInFlight),
      },
    }
    writeResults('bench/results/horizon-latest.json', results)
  } finally {
    await server?.stop()
    setTask(held, TASK_NONE, 'No tasks for the instance.')
    await browser.close()
    await timer.close()
  }
}

const SOAK_MINUTES = Number(process.env.BENCH_HZ_SOAK_MINUTES ?? 25)

/**
 * BENCH_HZ_PHASE=soak: ten tabs held open for BENCH_HZ_SOAK_MINUTES, and each minute what reached
 * Trove and how the feed answered a viewer. For the stall sessions 8 and 9 saw (the console's reads
 * at Trove stopped 10-14 minutes after the first tab, on a loaded machine): a minute with no read
 * at Trove while instances are in BUILD is the stall, and the server's log (BENCH_SERVER_LOG=1) says
 * what the watcher and the catalog check did then. Writes nothing to bench/results.
 */
async function soak(srv: RunningServer, tabs: Opened, token: string) {
  await openMoreTabs(tabs, srv)
  let silent = 0
  for (let minute = 1; minute <= SOAK_MINUTES; minute++) {
    const tail = tailTroveLog(TROVE_LOG)
    const feed: number[] = []
    let feedFailures = 0
    const until = Date.now() + 60_000
    while (Date.now() < until) {
      const t = Date.now()
      try {
        const res = await fetch(`${srv.url}/console-api/v1/feed?region=RegionOne`, {
          headers: { 'X-Auth-Token': token },
          signal: AbortSignal.timeout(20_000),
        })
        await res.arrayBuffer()
        if (res.ok) feed.push(Date.now() - t)
        else feedFailures++
      } catch {
        feedFailures++
      }
      await sleep(Math.max(0, 10_000 - (Date.now() - t)))
    }
    const load = troveLoad(tail.stop(), 60)
    if (load.requests === 0) silent++
    log(`soak minute ${minute}`, {
      troveRequests: load.requests,
      troveBusySeconds: load.busySecondsPerMinute,
      walkStarts: load.walkStarts,
      feedMedianMs: median(feed),
      feedFailures,
      loadAverage: loadavg()[0]?.toFixed(1),
    })
  }
  await close(tabs)
  log('soak', { minutes: SOAK_MINUTES, minutesWithoutTroveReads: silent })
  if (silent > 0) throw new Error(`${silent} minute(s) without a read at Trove: the stall`)
}

/** "All rows usable", whichever run measured it last (a full run or `all-rows`). */
function writeAllRows(consoleWarmMs: number, paged: Awaited<ReturnType<typeof horizonAllRows>>) {
  writeResults('bench/results/horizon-all-rows-latest.json', {
    date: new Date().toISOString(),
    phase: PHASE,
    instances: COUNT,
    building: BUILDING,
    browserNiceness: 0,
    allRows: { consoleWarmMs, ...paged },
    ratios: { allRowsHorizonOverConsole: ratio(paged.horizonPagedMs, consoleWarmMs) },
  })
}

runBench(main)
