/**
 * `npm run bench:polling`: polling traffic with 100 transitional (BUILD) instances, issue 7.
 *
 * 1. Console on the embedded cloud (always): 100 instances building at --task-speed 100 (a build
 *    takes 900 s, longer than the run). Chromium signs in, opens /instances and counts the Trove
 *    requests it sends in each of the two minutes after the rows show (BENCH_POLL_MINUTES);
 *    then, in a fresh session, the same with one instance's detail page open.
 * 2. With BENCH_REF_KEYSTONE (a reference cloud started by ../shared/reference-cloud/start), on
 *    real Trove: 100 instances are created and settle, then are put back into BUILD by writing
 *    Trove's own task status (BUILDING) into its SQLite file (BENCH_REF_TROVE_DB), because real
 *    Trove's fakes finish a build in ~9 s. Real Trove then answers BUILD for them until the run
 *    restores them. Counted the same way: the console through its gateway, and, with
 *    BENCH_HORIZON, Horizon + trove-dashboard's Project > Database > Instances. Both in the
 *    browser and, from Trove's access log ($REFCLOUD_DIR/trove.log, or BENCH_REF_TROVE_LOG), at
 *    Trove itself.
 *
 * Only successful requests count (2xx, 304; failures are reported apart), and the console's
 * server is checked before and after every minute to be the one this run started (the run nonce
 * its /healthz echoes): a stale server on the port stops the run instead of being measured.
 *
 * The user is `alt` on both clouds, so that the reference cloud's `demo` project keeps the 1,000
 * settled instances of bench/trove-compare.ts. Writes bench/results/polling-latest.json.
 */
import Database from 'better-sqlite3'
import type { Browser, Page } from '@playwright/test'
import { launchBrowser, runBench, startServer, writeResults, type RunningServer } from './lib'
import {
  createInstances,
  keystoneLogin,
  listAllInstances,
  missingNames,
  raiseQuotas,
  waitForInstances,
  type CloudSession,
  type ListedInstance,
} from './cloud-api'
import {
  countPageRequests,
  countTroveLog,
  logSize,
  troveKind,
  type WindowCount,
} from './poll-window'

const COUNT = Number(process.env.BENCH_POLL_INSTANCES ?? 100)
/** Minutes counted after each page shows its rows, each reported on its own. */
const MINUTES = Number(process.env.BENCH_POLL_MINUTES ?? 2)
const SLICE_MS = Number(process.env.BENCH_POLL_SLICE_SECONDS ?? 60) * 1000
const STATIC = process.env.BENCH_STATIC ?? 'dist'
const PORT = Number(process.env.BENCH_POLL_PORT ?? 4540)
const REF_KEYSTONE = process.env.BENCH_REF_KEYSTONE
/** The reference cloud's folder (its start script's REFCLOUD_DIR): Trove's database and log. */
const REFCLOUD_DIR = process.env.REFCLOUD_DIR ?? '/tmp/reference-cloud'
const REF_TROVE_DB = process.env.BENCH_REF_TROVE_DB ?? `${REFCLOUD_DIR}/trove.sqlite`
const REF_TROVE_LOG = process.env.BENCH_REF_TROVE_LOG ?? `${REFCLOUD_DIR}/trove.log`
const HORIZON = process.env.BENCH_HORIZON
/** Which parts to run (both by default): "embedded", "reference". */
const PARTS = (process.env.BENCH_POLL_PARTS ?? 'embedded,reference').split(',')
const USER = 'alt'
const PASSWORD = 'alt'
const PREFIX = 'poll'

const consoleTrove = (u: URL) => troveKind(u.pathname)

async function consoleLogin(page: Page, origin: string) {
  await page.goto(`${origin}/login`)
  await page.getByRole('textbox', { name: 'User name', exact: true }).fill(USER)
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/instances'), { timeout: 60_000 })
}

interface Slice {
  browser: WindowCount
  /** What reached Trove in the same slice, from its access log (reference cloud only). */
  trove?: WindowCount
}
/** One entry per minute after the page showed its rows: minute 1, minute 2, ... */
type Counted = Slice[]

/**
 * Counts in the browser, and at Trove when its log is given, minute by minute. `verify` (the
 * console's server) is checked before and after each minute: a count from another server than
 * the one this run started is never reported. A minute in which the browser's requests succeeded
 * but Trove's log recorded none means the log is not that Trove's: the run stops.
 */
async function countWindow(
  page: Page,
  classify: (u: URL) => string | null,
  troveLog?: string,
  verify?: () => Promise<void>,
): Promise<Counted> {
  const slices: Counted = []
  for (let m = 0; m < MINUTES; m++) {
    await verify?.()
    const from = troveLog ? logSize(troveLog) : 0
    const browser = await countPageRequests(page, classify, SLICE_MS)
    const trove = troveLog ? countTroveLog(troveLog, from, SLICE_MS / 1000) : undefined
    await verify?.()
    if (trove && browser.total > 0 && trove.total === 0) {
      throw new Error(`the browser's requests succeeded but ${troveLog} recorded none: wrong log?`)
    }
    slices.push({ browser, trove })
  }
  return slices
}

/** A console page opened in a fresh session, counted from the moment `shown` says it is up. */
async function measureConsolePage(
  browser: Browser,
  server: RunningServer,
  path: string,
  shown: (page: Page) => Promise<void>,
  troveLog?: string,
): Promise<Counted> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await consoleLogin(page, server.url)
    await page.goto(`${server.url}${path}`)
    await shown(page)
    return await countWindow(page, consoleTrove, troveLog, server.verify)
  } finally {
    await context.close()
  }
}

/** The console's instances page, from the moment its rows are listed. */
function measureConsoleList(browser: Browser, server: RunningServer, troveLog?: string) {
  return measureConsolePage(
    browser,
    server,
    '/instances',
    async (page) => {
      await page
        .getByTestId('instances-count')
        .filter({ hasText: new RegExp(`^${COUNT} instances`) })
        .waitFor({ timeout: 60_000 })
      await page.getByRole('cell', { name: `${PREFIX}-0001`, exact: true }).waitFor()
    },
    troveLog,
  )
}

/** One instance's detail page, opened directly. */
function measureConsoleDetail(browser: Browser, server: RunningServer, instance: ListedInstance) {
  return measureConsolePage(browser, server, `/instances/${instance.id}`, (page) =>
    page.getByRole('heading', { level: 1, name: instance.name }).waitFor({ timeout: 60_000 }),
  )
}

function assertBuilding(list: ListedInstance[], when: string): number {
  const building = list.filter((i) => i.name.startsWith(`${PREFIX}-`) && i.status === 'BUILD')
  if (building.length !== COUNT) {
    throw new Error(`${when}: ${building.length} of ${COUNT} instances in BUILD; measure invalid`)
  }
  return building.length
}

async function embeddedRun(browser: Browser) {
  const server = await startServer(PORT, ['--task-speed', '100', '--static', STATIC])
  try {
    const ks = `${server.url}/v3`
    const admin = await keystoneLogin(ks, 'admin', 'secret')
    const s = await keystoneLogin(ks, USER, PASSWORD)
    await raiseQuotas(admin, s.projectId, { instances: COUNT + 50, volumes: COUNT * 2 + 100 })
    const created = await createInstances(s, missingNames(PREFIX, COUNT, []), 8)
    assertBuilding(await listAllInstances(s), 'embedded, before')
    const list = await measureConsoleList(browser, server)
    const first = (await listAllInstances(s)).find((i) => i.name === `${PREFIX}-0001`)
    if (!first) throw new Error('instance poll-0001 is missing')
    const detail = await measureConsoleDetail(browser, server, first)
    const stillBuilding = assertBuilding(await listAllInstances(s), 'embedded, after')
    return { createMs: Math.round(created.ms), stillBuilding, list, detail }
  } finally {
    await server.stop()
  }
}

/* ------------------------------------------------------------- reference cloud */

const TASK_BUILDING = 0x05
const TASK_NONE = 0x01

/** Sets Trove's own task status on the bench's instances (see the header for why). */
function setTroveTask(projectId: string, task: number, description: string) {
  const db = new Database(REF_TROVE_DB, { timeout: 10_000 })
  try {
    return db
      .prepare(
        `UPDATE instances SET task_id = ?, task_description = ?
         WHERE tenant_id = ? AND deleted = 0 AND name LIKE ?`,
      )
      .run(task, description, projectId, `${PREFIX}-%`).changes
  } finally {
    db.close()
  }
}

async function ensureSettledInstances(admin: CloudSession, s: CloudSession) {
  await raiseQuotas(admin, s.projectId, { instances: COUNT + 50, volumes: COUNT * 2 + 100 })
  const missing = missingNames(PREFIX, COUNT, await listAllInstances(s))
  const createMs = Math.round((await createInstances(s, missing, 4)).ms)
  await waitForInstances(
    s,
    (l) =>
      l.filter((i) => i.name.startsWith(`${PREFIX}-`) && i.status === 'ACTIVE').length >= COUNT,
    20 * 60_000,
    5000,
  )
  return createMs
}

/** Horizon's instances table (trove-dashboard), from the moment its rows are listed. */
async function horizonWindow(
  browser: Browser,
): Promise<{ rowsShown: number; transitionalRows: number; minutes: Counted }> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${HORIZON}/auth/login/`)
    await page.getByRole('textbox', { name: 'User Name', exact: true }).fill(USER)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign In' }).click()
    await page.waitForURL((u) => !u.pathname.startsWith('/auth/login'), { timeout: 60_000 })
    await page.goto(`${HORIZON}/project/databases/`)
    const rows = page.locator('tr.ajax-update')
    await rows.first().waitFor({ timeout: 60_000 })
    const rowsShown = await rows.count()
    // Horizon marks a row whose status is not final with `warning`: those rows poll.
    const transitionalRows = await page.locator('tr.warning.ajax-update').count()
    const minutes = await countWindow(
      page,
      (u) => {
        if (u.searchParams.get('action') === 'row_update') return 'row_update'
        if (u.pathname.startsWith('/static/')) return null
        return `other ${u.pathname}`
      },
      REF_TROVE_LOG,
    )
    return { rowsShown, transitionalRows, minutes }
  } finally {
    await context.close()
  }
}

async function referenceRun(browser: Browser, keystone: string) {
  const admin = await keystoneLogin(keystone, 'admin', 'secret')
  const s = await keystoneLogin(keystone, USER, PASSWORD)
  const createMs = await ensureSettledInstances(admin, s)
  const changed = setTroveTask(s.projectId, TASK_BUILDING, 'The instance is building.')
  let gateway: RunningServer | undefined
  try {
    assertBuilding(await listAllInstances(s), 'reference, before')
    gateway = await startServer(PORT + 2, ['--keystone', keystone, '--static', STATIC])
    const consoleList = await measureConsoleList(browser, gateway, REF_TROVE_LOG)
    const horizon = HORIZON ? await horizonWindow(browser) : undefined
    assertBuilding(await listAllInstances(s), 'reference, after')
    return {
      createMs,
      setToBuild: changed,
      console: consoleList,
      horizon,
    }
  } finally {
    await gateway?.stop()
    setTroveTask(s.projectId, TASK_NONE, 'No tasks for the instance.')
  }
}

async function main() {
  const browser = await launchBrowser()
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    instances: COUNT,
    sliceSeconds: SLICE_MS / 1000,
    slices: MINUTES,
  }
  try {
    if (PARTS.includes('embedded')) results.embedded = await embeddedRun(browser)
    if (REF_KEYSTONE && PARTS.includes('reference'))
      results.reference = await referenceRun(browser, REF_KEYSTONE)
  } finally {
    await browser.close()
  }
  writeResults('bench/results/polling-latest.json', results)
}

runBench(main)
