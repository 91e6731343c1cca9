/**
 * Reading real Trove's own access log (eventlet.wsgi lines in `$REFCLOUD_DIR/trove.log`) for the
 * polling benches: what reached Trove in a window, how long Trove was busy answering it, how many
 * full list walks it saw and how many reads of the project were in flight at once.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { succeeded, troveKind } from './poll-window'

/** One successful or failed request as Trove logged it when it finished. */
export interface TroveLine {
  /** When Trove finished answering (ms since the epoch): when a tail saw the line, else its stamp. */
  endMs: number
  /** How long Trove took (eventlet's wall seconds, in ms). */
  ms: number
  method: string
  path: string
  query: string
  status: number
}

// eventlet.wsgi's access line (Trove's stderr, the start script's trove.log), written when Trove
// has answered; its stamp has whole seconds, its last field is Trove's answer time in seconds:
//   127.0.0.1 - - [05/Dec/2026 12:09:53] "GET /v1.0/P/instances/detail?limit=20 HTTP/1.1" 200 1234 0.112345
const LINE =
  /\[(\d{2})\/(\w{3})\/(\d{4}) (\d{2}:\d{2}:\d{2})\] "(GET|POST|PUT|DELETE|PATCH) ([^ ?"]+)(\?[^ "]*)? [^"]*" (\d{3}) \S+ (\d+\.\d+)/
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Parses one access line (`seenMs`: when the reader saw it, else its own stamp); null for others. */
export function parseTroveLine(raw: string, seenMs?: number): TroveLine | null {
  const m = LINE.exec(raw)
  if (!m) return null
  const month = String(MONTHS.indexOf(m[2] ?? '') + 1).padStart(2, '0')
  // eventlet writes local time; this machine and Trove share a clock and a zone.
  const stamp = new Date(`${m[3]}-${month}-${m[1]}T${m[4]}`).getTime()
  return {
    endMs: seenMs ?? stamp,
    ms: Math.round(Number(m[9]) * 10_000) / 10,
    method: m[5] ?? '',
    path: m[6] ?? '',
    query: m[7] ?? '',
    status: Number(m[8]),
  }
}

/** Parses the access lines of Trove's log text (others, e.g. tracebacks, are skipped). */
export function parseTroveLog(text: string): TroveLine[] {
  const out: TroveLine[] = []
  for (const raw of text.split('\n')) {
    const line = parseTroveLine(raw)
    if (line) out.push(line)
  }
  return out
}

/** The lines Trove logged after byte offset `from` (see `logSize` in poll-window.ts). */
export function readTroveLog(file: string, from: number): TroveLine[] {
  const size = statSync(file).size
  const buf = Buffer.alloc(Math.max(0, size - from))
  const fd = openSync(file, 'r')
  try {
    readSync(fd, buf, 0, buf.length, from)
  } finally {
    closeSync(fd)
  }
  return parseTroveLog(buf.toString('utf8'))
}

export interface TroveLoad {
  seconds: number
  /**
   * Trove's own CPU time (user + system) per minute of the window, from /proc (`troveCpuSeconds`),
   * when the reader knew Trove's process: what the requests cost Trove. Unlike `busySecondsPerMinute`
   * (Trove's answer times, which include waiting for a core), it does not grow when the bench's
   * own clients load the machine Trove shares with them (ten Chromium tabs on two cores).
   */
  cpuSecondsPerMinute?: number
  /** Successful requests by kind (`GET /instances/{id}`, `GET /instances/detail`, ...). */
  byKind: Record<string, number>
  requests: number
  requestsPerMinute: number
  /** Sum of Trove's own answer times (its busy time), seconds per minute. */
  busySecondsPerMinute: number
  failed: number
  /**
   * List reads that started a walk (no `marker`), instances and backups; not a watcher's page
   * read (`limit` of at most `PAGE_READ_MAX_LIMIT`: one page re-read for its moving rows).
   */
  walkStarts: number
  /** Those page reads. */
  pageReads: number
  /** List page reads (with or without marker). */
  listPages: number
  /** Most requests Trove was answering at once (from start = end - time). */
  maxInFlight: number
}

/**
 * The largest `limit` of a watcher's page read: it asks for the rows its page held in the last
 * walk, at most Trove's page cap (20 on the reference cloud); walks ask for 1,000.
 */
export const PAGE_READ_MAX_LIMIT = 20

/** Counts a window's lines (all of one project: the bench's runs never overlap clients). */
export function troveLoad(lines: readonly TroveLine[], seconds: number): TroveLoad {
  const byKind: Record<string, number> = {}
  let failed = 0
  let busyMs = 0
  let walkStarts = 0
  let pageReads = 0
  let listPages = 0
  const ok: TroveLine[] = []
  for (const l of lines) {
    const kind = troveKind(l.path)
    if (!kind) continue
    if (!succeeded(l.status)) {
      failed++
      continue
    }
    ok.push(l)
    const key = l.method === 'GET' ? kind : `${l.method} ${kind.replace(/^GET |^other /, '')}`
    byKind[key] = (byKind[key] ?? 0) + 1
    busyMs += l.ms
    const isList = kind === 'GET /instances/detail' || kind === 'other /backups'
    if (l.method === 'GET' && isList) {
      listPages++
      const limit = /[?&]limit=(\d+)/.exec(l.query)?.[1]
      if (limit !== undefined && Number(limit) <= PAGE_READ_MAX_LIMIT) pageReads++
      else if (!/[?&]marker=/.test(l.query)) walkStarts++
    }
  }
  const requests = ok.length
  return {
    seconds,
    byKind,
    requests,
    requestsPerMinute: round1((requests * 60) / seconds),
    busySecondsPerMinute: round2((busyMs / 1000) * (60 / seconds)),
    failed,
    walkStarts,
    pageReads,
    listPages,
    maxInFlight: maxOverlap(ok),
  }
}

/** How late a tail may see a line (its poll interval and the event loop's delays). */
export const TAIL_TOLERANCE_MS = 50

/**
 * The most requests in Trove at once, from lines a tail stamped when it saw them (`tailTroveLog`):
 * a request ran from (seen - its time) to seen; two overlap when one started more than
 * `toleranceMs` before the other was seen to end.
 */
export function maxOverlap(lines: readonly TroveLine[], toleranceMs = TAIL_TOLERANCE_MS): number {
  const events: [number, number][] = []
  for (const l of lines) {
    events.push([l.endMs - l.ms + toleranceMs, 1], [l.endMs, -1])
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let now = 0
  let max = 0
  for (const [, d] of events) {
    now += d
    max = Math.max(max, now)
  }
  return max
}

/**
 * Follows Trove's log from its current end, stamping each access line with the time it was seen
 * (every `everyMs`): finer than the log's whole-second stamps, for `maxOverlap`.
 */
export function tailTroveLog(
  file: string,
  everyMs = 10,
): { stop: () => TroveLine[]; peek: () => readonly TroveLine[] } {
  let offset = statSync(file).size
  let partial = ''
  const lines: TroveLine[] = []
  const poll = () => {
    const size = statSync(file).size
    if (size <= offset) return
    const buf = Buffer.alloc(size - offset)
    const fd = openSync(file, 'r')
    try {
      readSync(fd, buf, 0, buf.length, offset)
    } finally {
      closeSync(fd)
    }
    offset = size
    const seen = Date.now()
    const parts = (partial + buf.toString('utf8')).split('\n')
    partial = parts.pop() ?? ''
    for (const raw of parts) {
      const line = parseTroveLine(raw, seen)
      if (line) lines.push(line)
    }
  }
  const timer = setInterval(poll, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      poll()
      return lines
    },
    /** The lines seen so far (the tail goes on). */
    peek: () => lines,
  }
}

/** A line that starts an instance list walk (first page, no marker; not a page read). */
export function isInstanceWalkStart(l: TroveLine): boolean {
  if (l.method !== 'GET' || troveKind(l.path) !== 'GET /instances/detail') return false
  if (!succeeded(l.status) || /[?&]marker=/.test(l.query)) return false
  const limit = /[?&]limit=(\d+)/.exec(l.query)?.[1]
  return limit === undefined || Number(limit) > PAGE_READ_MAX_LIMIT
}

const round1 = (n: number) => Math.round(n * 10) / 10
const round2 = (n: number) => Math.round(n * 100) / 100

/** Linux's clock ticks per second (`getconf CLK_TCK`), the unit of /proc/PID/stat's times. */
const CLK_TCK = 100

/** CPU seconds (user + system) the process has used so far, from /proc/PID/stat. */
export function processCpuSeconds(pid: number | string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after "(name) ": state is field 3, utime field 14, stime field 15.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(f[11]) + Number(f[12])) / CLK_TCK
}

/** CPU seconds per minute between two `processCpuSeconds` readings `ms` apart. */
export function cpuPerMinute(fromS: number, toS: number, ms: number): number {
  return ms > 0 ? Math.round(((toS - fromS) / (ms / 60_000)) * 1000) / 1000 : 0
}
