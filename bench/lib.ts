import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { setPriority, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { startServerProcess } from '../server/proof/process'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Debian's Chromium, headless. `niceness` (1–19) starts it, and so every tab's process, at that
 * lower CPU priority (`nice`): for benches whose browsers stand in for viewers on their own
 * machines, so that on this machine's two cores their rendering does not slow the servers.
 */
export function launchBrowser(opts: { niceness?: number } = {}): Promise<Browser> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  let executablePath = chromiumPath
  if (opts.niceness !== undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-nice-'))
    executablePath = join(dir, 'chromium')
    // As root, Chromium sets its own priorities (its browser process to -8, renderers to 0 or 5):
    // without CAP_SYS_NICE it cannot raise them back.
    const noRaise =
      process.getuid?.() === 0 ? 'setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice ' : ''
    const nice = `nice -n ${Math.round(opts.niceness)}`
    writeFileSync(executablePath, `#!/bin/sh\nexec ${noRaise}${nice} ${chromiumPath} "$@"\n`, {
      mode: 0o755,
    })
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

/**
 * Sets the CPU priority (nice, -20..19) of every thread of each process (Linux: a thread's
 * priority is its own; threads started later inherit their creator's). For benches whose
 * servers under test share the machine with other work. Returns the threads set.
 */
export function setProcessPriority(pids: readonly number[], niceness: number): number {
  let set = 0
  for (const pid of pids) {
    let tids: string[]
    try {
      tids = readdirSync(`/proc/${pid}/task`)
    } catch {
      continue // gone
    }
    for (const tid of tids) {
      try {
        setPriority(Number(tid), niceness)
        set++
      } catch {
        // a thread that ended meanwhile
      }
    }
  }
  return set
}

export interface RunningServer {
  url: string
  /** The server process's id. */
  pid: number
  stop: () => Promise<void>
  /** Throws unless the server on `url` is still the one this bench started (its run nonce). */
  verify: () => Promise<void>
}

/**
 * Starts the real server on a fresh SQLite file and waits for /healthz. Its stderr shows in the
 * bench's output; its stdout too with BENCH_SERVER_LOG set.
 */
export async function startServer(port: number, args: string[] = []): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dbaas-bench-'))
  const server = await startServerProcess({
    port,
    dbPath: join(dir, 'cloud.db'),
    // Benches measure speed: Trove's per-tenant rate limit would answer most requests 413.
    args: ['--rate-limit', '0', ...args],
    startTimeoutMs: 120_000,
    onOutput: (chunk, stream) => {
      if (stream === 'stderr' || process.env.BENCH_SERVER_LOG) process[stream].write(chunk)
    },
  })
  return { url: server.url, pid: server.pid, stop: server.stop, verify: server.verify }
}

/** Writes a bench's results as JSON to `path` (e.g. bench/results/latest.json) and prints them. */
/** The built console (`staticDir`, from `npm run build`) on the embedded cloud with `instances` demo instances. */
export async function startBuiltConsole(
  port: number,
  staticDir: string,
  instances: number,
): Promise<RunningServer> {
  if (!existsSync(join(staticDir, 'index.html')))
    throw new Error(`${staticDir}/ has no build: run \`npm run build\` first`)
  return startServer(port, ['--demo-instances', String(instances), '--static', staticDir])
}

export function writeResults(path: string, results: unknown): void {
  const json = JSON.stringify(results, null, 2)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, json + '\n')
  console.log(json)
}

/** Runs a bench's main; a failure prints its error and exits 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
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
