/**
 * Status wall with 10,000 instances: frame time while the wall pages and refreshes, and the JS
 * heap it holds. Run `npx tsx bench/wall.ts` after a build (WALL_BENCH_STATIC picks the build
 * folder, default dist/); writes bench/results/wall-latest.json.
 * - frame time: requestAnimationFrame deltas over WALL_BENCH_SECONDS (default 12) while the wall
 *   turns a page every 3 s and refetches all 10,000 instances every 5 s
 * - memory: JSHeapUsedSize from CDP Performance.getMetrics after a forced GC
 * - traffic: bytes on the wire (CDP Network.loadingFinished encodedDataLength: bodies and headers)
 *   of a second wall at its default settings (refresh every 10 s), over WALL_BENCH_TRAFFIC_SECONDS
 *   (default 60) after its first tiles, with nothing changing in the cloud: bytes per minute
 *   (issue 16 point 5: < 100 KB per minute once the wall reads the change feed)
 * - traffic while something changes: the same, over WALL_BENCH_CHANGE_SECONDS (default 60) while
 *   one instance is restarted every 20 s (REBOOT, then ACTIVE: two changes per restart)
 */
import { keystoneLogin } from './cloud-api'
import {
  frameStats,
  launchBrowser,
  round1,
  runBench,
  startBuiltConsole,
  writeResults,
  type FrameStats,
} from './lib'

export interface WallBenchResult {
  date: string
  instances: number
  viewport: { width: number; height: number }
  firstTilesMs: number
  pagesTurned: number
  frames: FrameStats
  heap: { usedMB: number; totalMB: number }
  traffic: WallTraffic
  /** The same wall while one instance is restarted every 20 s. */
  trafficWhileChanging: WallTraffic
}

export interface WallTraffic {
  /** The wall's link while measured (its default refresh unless the link says otherwise). */
  url: string
  seconds: number
  requests: number
  bytes: number
  bytesPerMinute: number
}

export async function runWallBench(
  opts: {
    count?: number
    seconds?: number
    trafficSeconds?: number
    changeSeconds?: number
    staticDir?: string
    port?: number
  } = {},
): Promise<WallBenchResult> {
  const count = opts.count ?? 10_000
  const seconds = opts.seconds ?? 12
  const trafficSeconds = opts.trafficSeconds ?? 60
  const changeSeconds = opts.changeSeconds ?? 60
  const staticDir = opts.staticDir ?? 'dist'
  const server = await startBuiltConsole(opts.port ?? 4191, staticDir, count)
  const browser = await launchBrowser()
  try {
    // The wall signs in with an application credential, as it would in an ops room.
    const { token, userId, trove } = await keystoneLogin(`${server.url}/v3`, 'demo', 'demo')
    const created = await fetch(`${server.url}/v3/users/${userId}/application_credentials`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
      body: JSON.stringify({ application_credential: { name: 'bench-wall' } }),
    })
    const cred = (
      (await created.json()) as { application_credential: { id: string; secret: string } }
    ).application_credential

    const viewport = { width: 1920, height: 1080 }
    const context = await browser.newContext({ viewport })
    await context.addInitScript((c) => {
      localStorage.setItem('dbaas-console.wall-credential', JSON.stringify(c))
    }, cred)
    const page = await context.newPage()
    const t0 = Date.now()
    await page.goto(`${server.url}/wall?page=3&refresh=5`)
    await page
      .getByTestId('wall-total')
      .filter({ hasText: /^\d{2},\d{3}$/ })
      .waitFor({ timeout: 120_000 })
    // Healthy tiles collapse into counts when they do not fit (exceptions first): either shows.
    await page.getByTestId('wall-tile').or(page.getByTestId('wall-collapsed')).first().waitFor()
    const firstTilesMs = Date.now() - t0

    const firstPage = Number(await page.getByTestId('wall-grid').getAttribute('data-page'))
    // A string, not a function: tsx would wrap named functions in a helper the page lacks.
    const deltas = (await page.evaluate(`new Promise((resolve) => {
      const out = []
      let last = performance.now()
      const end = last + ${seconds * 1000}
      const frame = (t) => {
        out.push(t - last)
        last = t
        if (t < end) requestAnimationFrame(frame)
        else resolve(out)
      }
      requestAnimationFrame(frame)
    })`)) as number[]
    const lastPage = Number(await page.getByTestId('wall-grid').getAttribute('data-page'))

    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN

    const heap = {
      usedMB: round1(metric('JSHeapUsedSize') / 1048576),
      totalMB: round1(metric('JSHeapTotalSize') / 1048576),
    }
    await page.close()

    // Traffic: a wall as an ops room runs it (default refresh), counted once it shows its tiles.
    const wall = await context.newPage()
    const url = `${server.url}/wall`
    await wall.goto(url)
    await wall
      .getByTestId('wall-total')
      .filter({ hasText: /^\d{2},\d{3}$/ })
      .waitFor({ timeout: 120_000 })
    const net = await context.newCDPSession(wall)
    let bytes = 0
    let requests = 0
    net.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength
      requests++
    })
    await net.send('Network.enable')
    const measure = async (secs: number): Promise<WallTraffic> => {
      const [b0, r0] = [bytes, requests]
      await new Promise((r) => setTimeout(r, secs * 1000))
      return {
        url: '/wall',
        seconds: secs,
        requests: requests - r0,
        bytes: bytes - b0,
        bytesPerMinute: Math.round(((bytes - b0) * 60) / secs),
      }
    }
    const traffic = await measure(trafficSeconds)

    // One instance restarted every 20 s while the wall is measured again.
    const listed = await fetch(`${trove}/instances?limit=1`, { headers: { 'X-Auth-Token': token } })
    const firstId = ((await listed.json()) as { instances: { id: string }[] }).instances[0]?.id
    if (!firstId) throw new Error('the demo project has no instance to restart')
    const restart = () =>
      fetch(`${trove}/instances/${firstId}/action`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token },
        body: JSON.stringify({ restart: {} }),
      }).then((r) => r.status)
    const restarts: number[] = [await restart()]
    const timer = setInterval(() => void restart().then((s) => restarts.push(s)), 20_000)
    const trafficWhileChanging = await measure(changeSeconds).finally(() => clearInterval(timer))
    await net.send('Network.disable')
    if (!restarts.some((s) => s === 202))
      throw new Error(`restarts answered ${restarts.join(', ')}`)

    const frames = deltas.slice(1)
    return {
      date: new Date().toISOString(),
      instances: count,
      viewport,
      firstTilesMs,
      pagesTurned: lastPage - firstPage,
      frames: frameStats(frames),
      heap,
      traffic,
      trafficWhileChanging,
    }
  } finally {
    await browser.close()
    await server.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runBench(async () => {
    const result = await runWallBench({
      count: Number(process.env.WALL_BENCH_INSTANCES ?? 10_000),
      seconds: Number(process.env.WALL_BENCH_SECONDS ?? 12),
      trafficSeconds: Number(process.env.WALL_BENCH_TRAFFIC_SECONDS ?? 60),
      changeSeconds: Number(process.env.WALL_BENCH_CHANGE_SECONDS ?? 60),
      staticDir: process.env.WALL_BENCH_STATIC ?? 'dist',
      port: process.env.WALL_BENCH_PORT ? Number(process.env.WALL_BENCH_PORT) : undefined,
    })
    writeResults(process.env.WALL_BENCH_OUT ?? 'bench/results/wall-latest.json', result)
  })
}
