import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
}

export interface RunningServer {
  url: string
  stop: () => Promise<void>
}

/** Starts the real server on a fresh SQLite file and waits for /healthz. */
export async function startServer(port: number, args: string[] = []): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dbaas-bench-'))
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/main.ts',
      '--port',
      String(port),
      '--db',
      join(dir, 'cloud.db'),
      ...args,
    ],
    { stdio: ['ignore', process.env.BENCH_SERVER_LOG ? 'inherit' : 'ignore', 'inherit'] },
  )
  const url = `http://127.0.0.1:${port}`
  let exited = false
  child.once('exit', () => (exited = true))
  const deadline = Date.now() + 120_000
  for (;;) {
    if (exited) throw new Error(`the server on port ${port} exited before it answered`)
    try {
      const res = await fetch(`${url}/healthz`)
      if (res.ok) break
    } catch (e) {
      if (process.env.BENCH_SERVER_LOG) console.error('healthz:', e)
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error('server did not start')
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2
}

/** The value below which `p` percent of `values` fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

/** One decimal place. */
export const round1 = (n: number): number => Math.round(n * 10) / 10

export interface FrameStats {
  count: number
  medianMs: number
  p95Ms: number
  maxMs: number
  over50Ms: number
}

/** Median, p95, max and the number over 50 ms of a list of frame times. */
export function frameStats(deltas: number[]): FrameStats {
  return {
    count: deltas.length,
    medianMs: round1(median(deltas)),
    p95Ms: round1(percentile(deltas, 95)),
    maxMs: round1(Math.max(...deltas)),
    over50Ms: deltas.filter((d) => d > 50).length,
  }
}
