/**
 * Reading real Trove's own access log (eventlet.wsgi lines in `$REFCLOUD_DIR/trove.log`) for the
 * polling benches: what reached Trove in a window, how long Trove was busy answering it, how many
 * full list walks it saw and how many reads of the project were in flight at once.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { succeeded, troveKind } from './poll-window'

/** One successful or failed request as Trove logged it when it finished. */
export interface TroveLine {
  /** When Trove finished answering (ms since the epoch, from oslo.log's timestamp). */
  endMs: number
  /** How long Trove took (eventlet's wall seconds, in ms). */
  ms: number
  method: string
  path: string
  query: string
  status: number
}

// 2026-12-05 11:52:01.123 4242 INFO eventlet.wsgi.server [-] 127.0.0.1 - - [05/Dec/2026 11:52:01]
//   "GET /v1.0/P/instances/detail?limit=20 HTTP/1.1" 200 1234 0.112345
const LINE =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3}).*?"(GET|POST|PUT|DELETE|PATCH) ([^ ?"]+)(\?[^ "]*)? [^"]*" (\d{3}) \S+ (\d+\.\d+)/

/** Parses the lines of Trove's log text (others, e.g. tracebacks, are skipped). */
export function parseTroveLog(text: string): TroveLine[] {
  const out: TroveLine[] = []
  for (const raw of text.split('\n')) {
    const m = LINE.exec(raw)
    if (!m) continue
    out.push({
      // oslo.log writes local time; this machine and Trove share a clock and a zone.
      endMs: new Date(`${m[1]}T${m[2]}`).getTime(),
      ms: Math.round(Number(m[7]) * 1000 * 10) / 10,
      method: m[3] ?? '',
      path: m[4] ?? '',
      query: m[5] ?? '',
      status: Number(m[6]),
    })
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
  /** Successful requests by kind (`GET /instances/{id}`, `GET /instances/detail`, ...). */
  byKind: Record<string, number>
  requests: number
  requestsPerMinute: number
  /** Sum of Trove's own answer times (its busy time), seconds per minute. */
  busySecondsPerMinute: number
  failed: number
  /** List reads that started a walk (no `marker`), instances and backups. */
  walkStarts: number
  /** List page reads (with or without marker). */
  listPages: number
  /** Most requests Trove was answering at once (from start = end - time). */
  maxInFlight: number
}

/** Counts a window's lines (all of one project: the bench's runs never overlap clients). */
export function troveLoad(lines: readonly TroveLine[], seconds: number): TroveLoad {
  const byKind: Record<string, number> = {}
  let failed = 0
  let busyMs = 0
  let walkStarts = 0
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
      if (!/[?&]marker=/.test(l.query)) walkStarts++
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
    listPages,
    maxInFlight: maxOverlap(ok),
  }
}

/**
 * The most requests in Trove at once. Trove logs end times to the millisecond and durations to the
 * microsecond: two requests overlap when one starts more than 1 ms before the other ended.
 */
export function maxOverlap(lines: readonly TroveLine[]): number {
  const events: [number, number][] = []
  for (const l of lines) {
    events.push([l.endMs - l.ms + 1, 1], [l.endMs, -1])
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

const round1 = (n: number) => Math.round(n * 10) / 10
const round2 = (n: number) => Math.round(n * 100) / 100
