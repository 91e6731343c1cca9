/**
 * `npm run bench:first-route`: the JavaScript the browser downloads for /login and then
 * /instances (bench/first-route-js.ts), alone and quickly (the spine bench measures it too).
 * Serves BENCH_DIST (default dist/) on BENCH_PORT (default 4196); writes
 * bench/results/first-route-latest.json (BENCH_OUT).
 */
import { measureFirstRouteJs } from './first-route-js'
import { launchBrowser, runBench, startBuiltConsole, writeResults } from './lib'

const PORT = Number(process.env.BENCH_PORT ?? 4196)
const DIST = process.env.BENCH_DIST ?? 'dist'
const OUT = process.env.BENCH_OUT ?? 'bench/results/first-route-latest.json'

async function main() {
  const server = await startBuiltConsole(PORT, DIST, 50)
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1280, height: 800 },
    })
    const page = await context.newPage()
    const measured = await measureFirstRouteJs(page, server.url)
    await server.verify()
    writeResults(OUT, { date: new Date().toISOString(), ...measured })
  } finally {
    await browser.close()
    await server.stop()
  }
}

runBench(main)
