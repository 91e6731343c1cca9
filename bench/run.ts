/**
 * `npm run bench`: measures what the spine promises and writes bench/results/latest.json.
 * - first-route JS: the JavaScript the browser downloads for /login, and for /instances after it
 *   (gzip sizes of the built files it actually requested)
 * - 5,000 instances: time from navigation to rows visible, median of several runs
 * Run `npm run build` first (the bench uses dist/ as the server serves it).
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { launchBrowser, median, startServer } from './lib'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const COUNT = Number(process.env.BENCH_INSTANCES ?? 5000)

function gzipSize(urlPath: string): number {
  const file = join('dist', urlPath)
  return existsSync(file) ? gzipSync(readFileSync(file)).length : 0
}

async function main() {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first')
  const server = await startServer(4194, ['--demo-instances', String(COUNT)])
  const browser = await launchBrowser()
  const results: Record<string, unknown> = { date: new Date().toISOString(), instances: COUNT }
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    const scripts = new Set<string>()
    page.on('request', (r) => {
      const u = new URL(r.url())
      if (u.pathname.endsWith('.js')) scripts.add(u.pathname)
    })
    await page.goto(`${server.url}/login`)
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    const loginJs = [...scripts]
    const loginGzip = loginJs.reduce((n, p) => n + gzipSize(p), 0)

    await page.getByRole('textbox', { name: 'User name', exact: true }).fill('demo')
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('demo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('instances-count').waitFor({ timeout: 60_000 })
    const instancesJs = [...scripts].filter((p) => !loginJs.includes(p))
    const instancesGzip = instancesJs.reduce((n, p) => n + gzipSize(p), 0)
    results.firstRouteJs = {
      loginGzipBytes: loginGzip,
      instancesExtraGzipBytes: instancesGzip,
      totalGzipKB: Math.round((loginGzip + instancesGzip) / 102.4) / 10,
      files: [...scripts].map((p) => ({ path: p, gzipBytes: gzipSize(p) })),
    }

    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.url}/datastores`)
      const t0 = Date.now()
      await page.goto(`${server.url}/instances`)
      await page
        .getByTestId('instances-count')
        .filter({
          hasText: new RegExp(`^${COUNT.toLocaleString('en-US').replace(',', ',?')} instances`),
        })
        .waitFor({ timeout: 60_000 })
      await page.getByRole('row').nth(5).waitFor()
      times.push(Date.now() - t0)
    }
    results.showInstances = { runs: times, medianMs: median(times) }
  } finally {
    await browser.close()
    await server.stop()
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2) + '\n')
  console.log(JSON.stringify(results, null, 2))
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
