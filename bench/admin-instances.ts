/**
 * The admin all-projects instance list with 10,000 instances (issue 16 point 3): time from
 * navigation to the first rows of /admin/instances (full page load, signed in as admin), the DOM
 * elements on the page then, and the bytes of the list read. Run `npx tsx bench/admin-instances.ts`
 * after a build (ADMIN_BENCH_STATIC picks the build folder, default dist/); writes
 * bench/results/admin-instances-latest.json. Before (commit 9d8791a, one unpaged read of every
 * instance, all rows handed to the table): 4.6 s and 110k DOM elements, per the issue.
 */
import { keystoneLogin } from './cloud-api'
import { launchBrowser, median, round1, runBench, startBuiltConsole, writeResults } from './lib'

export interface AdminInstancesBenchResult {
  date: string
  instances: number
  runs: number
  firstRows: { medianMs: number; maxMs: number; samplesMs: number[] }
  domElements: number
  listReadBytes: number
  rowsRead: string
  /**
   * The list read alone, from Node on the same machine at the same moment: the unpaged read the
   * page waited for before (every instance) and the first page it waits for now.
   */
  api: { unpagedMs: number; unpagedBytes: number; firstPageMs: number; firstPageBytes: number }
}

export async function runAdminInstancesBench(
  opts: { count?: number; runs?: number; staticDir?: string; port?: number } = {},
): Promise<AdminInstancesBenchResult> {
  const count = opts.count ?? 10_000
  const runs = opts.runs ?? 5
  const staticDir = opts.staticDir ?? 'dist'
  const server = await startBuiltConsole(opts.port ?? 4192, staticDir, count)
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${server.url}/login`)
    await page.getByRole('textbox', { name: 'User name', exact: true }).fill('admin')
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('secret')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('banner').waitFor({ timeout: 60_000 })

    let listReadBytes = 0
    page.on('response', (r) => {
      if (!/\/mgmt\/instances\?/.test(r.url())) return
      void r.body().then(
        (b) => (listReadBytes = b.length),
        () => undefined,
      )
    })
    const samples: number[] = []
    let domElements = 0
    let rowsRead = ''
    for (let n = 0; n < runs; n++) {
      const t0 = Date.now()
      await page.goto(`${server.url}/admin/instances`)
      const table = page.getByRole('table', { name: 'Instances of all projects' })
      await table.getByRole('link').first().waitFor({ timeout: 120_000 })
      samples.push(Date.now() - t0)
      domElements = await page.evaluate(() => document.getElementsByTagName('*').length)
      rowsRead = (await page.getByTestId('admin-instances-count').textContent()) ?? ''
    }
    const admin = await keystoneLogin(`${server.url}/v3`, 'admin', 'secret')
    const timed = async (query: string) => {
      const t0 = Date.now()
      const res = await fetch(`${admin.trove}/mgmt/instances?${query}`, {
        headers: { 'X-Auth-Token': admin.token },
      })
      const bytes = (await res.arrayBuffer()).byteLength
      return { ms: Date.now() - t0, bytes }
    }
    const unpaged = await timed('deleted=false')
    const firstPage = await timed('deleted=false&limit=500')
    return {
      date: new Date().toISOString(),
      instances: count,
      runs,
      firstRows: {
        medianMs: round1(median(samples)),
        maxMs: Math.max(...samples),
        samplesMs: samples,
      },
      domElements,
      listReadBytes,
      rowsRead,
      api: {
        unpagedMs: unpaged.ms,
        unpagedBytes: unpaged.bytes,
        firstPageMs: firstPage.ms,
        firstPageBytes: firstPage.bytes,
      },
    }
  } finally {
    await browser.close()
    await server.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runBench(async () => {
    const result = await runAdminInstancesBench({
      count: Number(process.env.ADMIN_BENCH_INSTANCES ?? 10_000),
      runs: Number(process.env.ADMIN_BENCH_RUNS ?? 5),
      staticDir: process.env.ADMIN_BENCH_STATIC ?? 'dist',
      port: 4471,
    })
    writeResults('bench/results/admin-instances-latest.json', result)
  })
}
