import { describe, expect, it } from 'vitest'
import {
  cpuPerMinute,
  maxOverlap,
  parseTroveLine,
  parseTroveLog,
  processCpuSeconds,
  troveLoad,
} from './trove-log'

const P = '/v1.0/3adf7f2d79234059ad6f05feb1f7e5e1'
const line = (req: string, status: number, secs: string) =>
  `127.0.0.1 - - [05/Dec/2026 12:10:47] "${req} HTTP/1.1" ${status} 957 ${secs}`

describe("Trove's access log", () => {
  it('reads method, path, query, status and answer time; skips other lines', () => {
    const text = [
      "(30530) accepted ('127.0.0.1', 57270)",
      line(`GET ${P}/instances/detail?limit=20&marker=abc`, 200, '0.250000'),
      line(`POST ${P}/instances`, 200, '10.939549'),
      '2026-12-05 12:10:25.034 30530 INFO trove.instance.service [-] Creating a database instance',
    ].join('\n')
    const lines = parseTroveLog(text)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({
      method: 'GET',
      path: `${P}/instances/detail`,
      query: '?limit=20&marker=abc',
      status: 200,
      ms: 250,
    })
    expect(lines[1]?.ms).toBe(10939.5)
    expect(new Date(lines[0]?.endMs ?? 0).getMinutes()).toBe(10)
  })

  it('counts requests, busy time, walks (list reads without marker), page reads and failures', () => {
    const lines = [
      line(`GET ${P}/instances/detail?limit=1000`, 200, '0.500000'),
      line(`GET ${P}/instances/detail?limit=1000&marker=x`, 200, '0.500000'),
      line(`GET ${P}/instances/abc`, 200, '0.100000'),
      line(`GET ${P}/instances/abc`, 500, '0.100000'),
      line(`GET ${P}/backups?limit=1000`, 200, '0.200000'),
      line(`GET ${P}/instances/detail?limit=20`, 200, '0.300000'), // a watcher's page read
    ].map((l) => parseTroveLine(l))
    const load = troveLoad(
      lines.filter((l) => l !== null),
      30,
    )
    expect(load.requests).toBe(5)
    expect(load.failed).toBe(1)
    expect(load.requestsPerMinute).toBe(10)
    expect(load.busySecondsPerMinute).toBe(3.2)
    expect(load.walkStarts).toBe(2)
    expect(load.pageReads).toBe(1)
    expect(load.listPages).toBe(4)
    expect(load.byKind['GET /instances/{id}']).toBe(1)
  })

  it('finds two requests in Trove at once from the times a tail saw them', () => {
    const seen = (raw: string, at: number) => parseTroveLine(raw, at)
    const a = seen(line(`GET ${P}/instances/a`, 200, '0.300000'), 1000)
    const b = seen(line(`GET ${P}/instances/b`, 200, '0.300000'), 1310) // started after a ended
    const c = seen(line(`GET ${P}/instances/c`, 200, '0.300000'), 1400) // started at 1100: overlaps b
    if (!a || !b || !c) throw new Error('parse')
    expect(maxOverlap([a, b])).toBe(1)
    expect(maxOverlap([a, b, c])).toBe(2)
  })
})

describe('processCpuSeconds', () => {
  it('reads a process’s CPU time from /proc as the kernel counts it for Node', () => {
    const usage = () => {
      const u = process.cpuUsage()
      return (u.user + u.system) / 1e6
    }
    const before = [processCpuSeconds(process.pid), usage()] as const
    const until = performance.now() + 300
    let x = 0
    while (performance.now() < until) x += Math.sqrt(x + 1)
    const after = [processCpuSeconds(process.pid), usage()] as const
    expect(x).toBeGreaterThan(0)
    const fromProc = after[0] - before[0]
    const fromNode = after[1] - before[1]
    expect(fromNode).toBeGreaterThan(0)
    // /proc counts in 10 ms ticks.
    expect(Math.abs(fromProc - fromNode)).toBeLessThan(0.05)
    expect(cpuPerMinute(before[0], before[0] + 1, 30_000)).toBe(2)
  })
})
