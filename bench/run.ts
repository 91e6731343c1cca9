/**
 * `npm run bench`: measures what issue 7 asks of the spine and writes bench/results/latest.json.
 * - first-route JS: the JavaScript the browser downloads for /login, and for /instances after it
 *   (gzip sizes of the built files it actually requested)
 * - the instances list with BENCH_INSTANCES (5,000) instances: navigation to rows visible (full
 *   load and in-app, median of BENCH_RUNS runs), filter keystroke to repaint (median of 20
 *   keystrokes), scroll frame times (a flick from top to bottom in 3 s, and 3 s at 2,000 px/s)
 * Build first (`npm run bench` does): the server serves BENCH_DIST (default dist/) on BENCH_PORT
 * (default 4194).
 */
import { loadavg } from 'node:os'
import { measureFirstRouteJs } from './first-route-js'
import {
  observedPage,
  measureFilterLatency,
  measureRowsVisible,
  measureScroll,
} from './instances-list'
import { launchBrowser, round1, runBench, startBuiltConsole, writeResults } from './lib'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const COUNT = Number(process.env.BENCH_INSTANCES ?? 5000)
const PORT = Number(process.env.BENCH_PORT ?? 4194)
const DIST = process.env.BENCH_DIST ?? 'dist'
const OUT = process.env.BENCH_OUT ?? 'bench/results/latest.json'

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
    results.firstRouteJs = await measureFirstRouteJs(page, server.url)
    results.rowsVisible = await measureRowsVisible(page, server.url, RUNS)
    results.filterKeystroke = await measureFilterLatency(page, server.url)
    results.scrollFlick = await measureScroll(page, server.url, 'flick')
    results.scrollSteady = await measureScroll(page, server.url, 2000)
  } finally {
    await browser.close()
    await server.stop()
  }
  results.loadAverage = { ...(results.loadAverage as object), end: round1(loadavg()[0] ?? 0) }
  writeResults(OUT, results)
}

runBench(main)
