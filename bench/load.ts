/**
 * A small closed-loop HTTP load generator: `concurrency` workers each send the next GET as soon
 * as the previous answer has been read in full, for `durationMs`. Latency is measured from send
 * to the last byte of the body; requests still in flight at the end are awaited and counted.
 */
import { Agent, request } from 'node:http'

export interface LoadResult {
  requests: number
  errors: number
  statuses: Record<string, number>
  seconds: number
  rps: number
  p50Ms: number
  p99Ms: number
  meanBytes: number
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx] ?? NaN
}

function getOnce(
  url: URL,
  headers: Record<string, string>,
  agent: Agent,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, agent }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

export async function runLoad(
  target: string,
  headers: Record<string, string>,
  durationMs: number,
  concurrency: number,
): Promise<LoadResult> {
  const url = new URL(target)
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  let bytes = 0
  const t0 = performance.now()
  const end = t0 + durationMs
  const worker = async () => {
    while (performance.now() < end) {
      const s = performance.now()
      try {
        const r = await getOnce(url, headers, agent)
        latencies.push(performance.now() - s)
        statuses[r.status] = (statuses[r.status] ?? 0) + 1
        if (r.status !== 200) errors++
        else bytes += r.bytes
      } catch {
        errors++
        statuses.network = (statuses.network ?? 0) + 1
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - t0) / 1000
  agent.destroy()
  const sorted = [...latencies].sort((a, b) => a - b)
  const ok = latencies.length - errors
  return {
    requests: latencies.length,
    errors,
    statuses,
    seconds: round(seconds, 2),
    rps: round(ok / seconds, 1),
    p50Ms: round(percentile(sorted, 50), 1),
    p99Ms: round(percentile(sorted, 99), 1),
    meanBytes: ok > 0 ? Math.round(bytes / ok) : 0,
  }
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

/** What one client did while `/healthz` was measured beside it. */
export interface WorstClientResult {
  healthz: LoadResult
  /** Requests the worst client completed, by status. */
  worst: { requests: number; statuses: Record<string, number>; meanMs: number }
}

/**
 * `/healthz` latency (`concurrency` workers) while one client sends `send()` back to back: does
 * one client's worst request hold the server for everyone (issue 19)?
 */
export async function healthzBesideWorst(
  healthzUrl: string,
  send: () => Promise<number>,
  durationMs: number,
  concurrency = 4,
): Promise<WorstClientResult> {
  const statuses: Record<string, number> = {}
  let requests = 0
  let spent = 0
  let running = true
  const worst = (async () => {
    while (running) {
      const s = performance.now()
      let status: string
      try {
        status = String(await send())
      } catch {
        status = 'network'
      }
      spent += performance.now() - s
      requests++
      statuses[status] = (statuses[status] ?? 0) + 1
    }
  })()
  // Let the worst client get going before measuring.
  await new Promise((r) => setTimeout(r, 200))
  const healthz = await runLoad(healthzUrl, {}, durationMs, concurrency)
  running = false
  await worst
  return {
    healthz,
    worst: { requests, statuses, meanMs: requests ? round(spent / requests, 1) : 0 },
  }
}
