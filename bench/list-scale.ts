/**
 * `npm run bench:list-scale`: the instances list of a project with BENCH_INSTANCES (20,000)
 * instances in Chromium on the built console (issue 14 point 5): navigation to rows visible
 * (full load and in-app, median of BENCH_RUNS runs; "usable" is all rows listed, so the filter
 * works on every row), the snapshot request as the browser saw it (Resource Timing), filter
 * keystroke to repaint, and the page's JS heap after a garbage collection.
 * Build first (`npm run bench:list-scale` does). Writes bench/results/list-scale-latest.json.
 */
import { loadavg } from 'node:os'
import type { Page } from '@playwright/test'
import { observedPage, measureFilterLatency, measureRowsVisible } from './instances-list'
import { launchBrowser, median, round1, runBench, startBuiltConsole, writeResults } from './lib'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const COUNT = Number(process.env.BENCH_INSTANCES ?? 20000)
const PORT = Number(process.env.BENCH_PORT ?? 4196)
const DIST = process.env.BENCH_DIST ?? 'dist'
const OUT = process.env.BENCH_OUT ?? 'bench/results/list-scale-latest.json'

interface SnapshotTiming {
  /** request start to last byte */
  durationMs: number
  /** request start to first byte (the server's answer) */
  waitMs: number
  transferBytes: number
  decodedBytes: number
}

/** The feed snapshot requests this document made, as Resource Timing saw them. */
async function snapshotTimings(page: Page): Promise<SnapshotTiming[]> {
  return (await page.evaluate(`performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/console-api/v1/feed') && e.name.includes('snapshot=1'))
    .map((e) => ({
      durationMs: e.responseEnd - e.startTime,
      waitMs: e.responseStart - e.startTime,
      transferBytes: e.transferSize,
      decodedBytes: e.decodedBodySize,
    }))`)) as SnapshotTiming[]
}

/** The page's JS heap in MB after a forced garbage collection (CDP). */
async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  await cdp.detach()
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
  return round1(used / 1e6)
}

async function main() {
  const server = await startBuiltConsole(PORT, DIST, COUNT)
  const browser = await launchBrowser()
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    instances: COUNT,
    runs: RUNS,
    // The machine's 1-minute load average before and after: figures here are load-bound.
    loadAverage: { start: round1(loadavg()[0] ?? 0) },
  }
  try {
    const page = await observedPage(browser, COUNT)
    await page.goto(`${server.url}/login`)
    await page.getByRole('textbox', { name: 'User name', exact: true }).fill('demo')
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    // The first visit warms the server's watcher (a cold project is walked page by page).
    await page
      .getByTestId('instances-count')
      .filter({ hasText: `${COUNT.toLocaleString('en-US')} instances` })
      .waitFor({ timeout: 120_000 })
    const rowsVisible = await measureRowsVisible(page, server.url, RUNS)
    const snapshot = await snapshotTimings(page)
    results.rowsVisible = rowsVisible
    results.usable = {
      medianMs: round1(
        Math.max(rowsVisible.fullLoad.allRows.medianMs, rowsVisible.inApp.allRows.medianMs),
      ),
    }
    results.snapshotRequest = {
      durationMs: round1(median(snapshot.map((s) => s.durationMs))),
      waitMs: round1(median(snapshot.map((s) => s.waitMs))),
      transferBytes: snapshot[0]?.transferBytes ?? 0,
      decodedBytes: snapshot[0]?.decodedBytes ?? 0,
    }
    results.heapAfterListMB = await heapMB(page)
    results.filterKeystroke = await measureFilterLatency(page, server.url)
  } finally {
    await browser.close()
    await server.stop()
  }
  results.loadAverage = { ...(results.loadAverage as object), end: round1(loadavg()[0] ?? 0) }
  writeResults(OUT, results)
}

runBench(main)
