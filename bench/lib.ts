import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
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
    const n = Math.round(opts.niceness)
    // With the kernel's autogroups (sched_autogroup_enabled), a thread's nice ranks it only within
    // its session's group, and groups share the CPU as equals: Playwright starts the browser in a
    // session of its own, so nice 19 alone left ten tabs an equal share beside Trove's group
    // (s10). The group's own nice (`/proc/self/autogroup`) ranks it against the others; written
    // only when this script leads its session (its group is the browser's alone).
    const group = `[ "$(cut -d' ' -f6 /proc/$$/stat)" = "$$" ] && echo ${n} > /proc/self/autogroup 2>/dev/null`
    writeFileSync(
      executablePath,
      `#!/bin/sh\n${group}\nexec ${noRaise}nice -n ${n} ${chromiumPath} "$@"\n`,
      { mode: 0o755 },
    )
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

/**
 * A process's scheduler autogroup (`/proc/PID/autogroup`: "/autogroup-ID nice N"), or null where
 * the kernel has none (autogroups off, or the process gone).
 */
export function autogroupOf(pid: number): { id: number; nice: number } | null {
  try {
    const m = /autogroup-(\d+) nice (-?\d+)/.exec(readFileSync(`/proc/${pid}/autogroup`, 'utf8'))
    return m ? { id: Number(m[1]), nice: Number(m[2]) } : null
  } catch {
    return null
  }
}

/**
 * Sets the nice of each process's autogroup: with autogroups on, groups (one per session) share
 * the CPU by their own nice, whatever their threads' (`setProcessPriority` ranks threads within a
 * group only). `wants` lists pids and the niceness each should have; a group shared by several
 * gets the most favoured (lowest) of theirs. Returns each group's id and the nice it now has.
 */
export function setAutogroupPriority(
  wants: readonly { pid: number; niceness: number }[],
): Record<string, number> {
  const best = new Map<number, { pid: number; niceness: number }>()
  for (const w of wants) {
    const g = autogroupOf(w.pid)
    if (!g) continue
    const had = best.get(g.id)
    if (!had || w.niceness < had.niceness) best.set(g.id, w)
  }
  const out: Record<string, number> = {}
  for (const [id, w] of best) {
    try {
      writeFileSync(`/proc/${w.pid}/autogroup`, String(w.niceness))
    } catch {
      // not allowed (favouring a group needs CAP_SYS_NICE) or gone: report what it has
    }
    out[`autogroup-${id}`] = autogroupOf(w.pid)?.nice ?? Number.NaN
  }
  return out
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
