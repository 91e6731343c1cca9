import type { EventRow } from '../store/task-queries'
import type { InstanceRow } from '../store/instance-queries'
import { hash01, hashString } from './prng'
import { activityIntervals } from './metrics'

/**
 * Service logs made from what the service did (its events: create, restart, resize, backup ...)
 * plus the engine's own lines (connections, checkpoints, vacuum, warnings), generated per
 * minute from a seeded hash. Every line has a fixed key (time in microseconds + a tie-breaker),
 * so paging back and forth with the opaque offsets returns the same lines. Lines become visible
 * one second after their time (log shipping delay), so a tail never skips a late line.
 */

export interface LogNode {
  name: string
  inst: InstanceRow
  events: EventRow[]
  type: string
  version: string
  unit: string
}

export interface LogLine {
  micros: number
  tie: string
  node: string
  unit: string
  message: string
}

const SLOT = 60_000
const RETENTION_MS = 7 * 86_400_000
const SHIP_DELAY_MS = 1000
const AGENT = 'trove-guestagent'

export const compareKeys = (a: LogLine | Key, b: LogLine | Key) =>
  a.micros - b.micros || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0)

export interface Key {
  micros: number
  tie: string
}
export function encodeOffset(k: Key): string {
  return Buffer.from(`${k.micros}~${k.tie}`, 'utf8').toString('base64url')
}
export function decodeOffset(s: string): Key | null {
  const text = Buffer.from(s, 'base64url').toString('utf8')
  const m = /^(\d{1,17})~([a-z0-9.:-]{1,80})$/.exec(text)
  if (!m) return null
  return { micros: Number(m[1]), tie: m[2] ?? '' }
}

const pick = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length)] as T

function clientIp(r: number) {
  return `10.0.${1 + Math.floor(r * 3)}.${10 + Math.floor(r * 200)}`
}

/** The engine's own routine lines for one node in one slot. */
function ambientLines(node: LogNode, slot: number): LogLine[] {
  const seed = hashString(`${node.inst.id}:${node.name}`)
  const count = Math.floor(hash01(seed, slot) * 3.2)
  const out: LogLine[] = []
  const base = slot * SLOT
  for (let j = 0; j < count; j++) {
    const r1 = hash01(seed + 7 * (j + 1), slot)
    const r2 = hash01(seed + 13 * (j + 1), slot)
    const micros = base * 1000 + Math.floor(r1 * SLOT * 1000)
    const pid = 1000 + Math.floor(r2 * 900_000)
    const ip = clientIp(r2)
    let message: string
    if (node.type === 'pg') {
      message = pick(
        [
          `[${j + 3}-1] pid=${pid},user=app,db=app,app=psql,client=${ip} LOG:  connection authorized: user=app database=app SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)`,
          `[${j + 3}-1] pid=${pid},user=app,db=app,app=[unknown],client=${ip} LOG:  disconnection: session time: 0:00:0${Math.floor(r1 * 9)}.${pid % 1000} user=app database=app host=${ip}`,
          `[${j + 3}-1] pid=${pid},user=,db=,app=,client= LOG:  checkpoint starting: time`,
          `[${j + 3}-1] pid=${pid},user=,db=,app=,client= LOG:  checkpoint complete: wrote ${Math.floor(r1 * 900)} buffers (${(r1 * 5).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 1 recycled`,
          `[${j + 3}-1] pid=${pid},user=,db=,app=,client= LOG:  automatic vacuum of table "app.public.${pick(['orders', 'customers', 'events', 'sessions'], r1)}": index scans: 1`,
          `[${j + 3}-1] pid=${pid},user=app,db=app,app=psql,client=${ip} LOG:  duration: ${(r1 * 2000 + 500).toFixed(3)} ms  statement: SELECT * FROM orders WHERE created_at > now() - interval '1 day'`,
        ],
        r2,
      )
    } else {
      message = pick(
        [
          `${pid} [Note] [MY-010914] [Server] Aborted connection ${pid} to db: 'app' user: 'app' host: '${ip}' (Got timeout reading communication packets).`,
          `${pid} [Warning] [MY-010055] [Server] IP address '${ip}' could not be resolved: Name or service not known`,
          `${pid} [Note] [MY-011953] [InnoDB] Page cleaner took ${Math.floor(r1 * 4000 + 1000)}ms to flush ${Math.floor(r1 * 900)} and evict 0 pages`,
          `${pid} [Note] [MY-010926] [Server] Access denied for user 'root'@'${ip}' (using password: YES)`,
          `${pid} [Note] [MY-000000] [Server] Slow query: ${(r1 * 4 + 1).toFixed(2)}s SELECT * FROM orders WHERE created_at > NOW() - INTERVAL 1 DAY`,
        ],
        r2,
      )
    }
    out.push({
      micros,
      tie: `a${slot}.${node.name}.${j}`,
      node: node.name,
      unit: node.unit,
      message,
    })
  }
  if (slot % 10 === 0 && hash01(seed + 99, slot) < 0.8) {
    const used = (node.inst.volume_used ?? 0.16).toFixed(2)
    out.push({
      micros: base * 1000 + 1500,
      tie: `g${slot}.${node.name}`,
      node: node.name,
      unit: AGENT,
      message: `Volume usage: ${used} GB used of ${node.inst.volume_size} GB.`,
    })
  }
  return out
}

function readyLine(node: LogNode): string {
  if (node.type === 'pg') return 'LOG:  database system is ready to accept connections'
  return `[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${node.version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306`
}
function shutdownLine(node: LogNode): string {
  if (node.type === 'pg') return 'LOG:  received fast shutdown request'
  return '[System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete.'
}

/** The lines an event leaves: the guest agent's record, then what the engine said. */
function eventLines(node: LogNode, e: EventRow): LogLine[] {
  const lines: { unit: string; message: string }[] = [
    {
      unit: AGENT,
      message:
        e.from_status && e.from_status !== e.to_status
          ? `${e.message} (status ${e.from_status} -> ${e.to_status})`
          : e.message,
    },
  ]
  if (e.to_status === 'REBOOT' || e.message.startsWith('Delete requested'))
    lines.push({ unit: node.unit, message: shutdownLine(node) })
  if (e.message === 'Instance is ready.' || e.message === 'Restart complete.')
    lines.push({ unit: node.unit, message: readyLine(node) })
  if (e.to_status === 'BACKUP')
    lines.push({ unit: AGENT, message: 'Starting backup: streaming a snapshot to object storage.' })
  return lines.map((l, k) => ({
    micros: e.at * 1000 + k * 250,
    tie: `e${e.id}.${k}`,
    node: node.name,
    ...l,
  }))
}

/** All of a service's log lines, lazily, one minute at a time. */
export class LogSource {
  private readonly eventsBySlot = new Map<number, { node: LogNode; e: EventRow }[]>()
  private readonly downSlots = new Map<string, (slot: number) => boolean>()
  readonly minSlot: number
  readonly maxSlot: number
  private readonly horizon: number

  constructor(
    private readonly nodes: LogNode[],
    now: number,
  ) {
    const created = Math.min(...nodes.map((n) => n.inst.created))
    this.minSlot = Math.floor(Math.max(created, now - RETENTION_MS) / SLOT)
    this.horizon = (now - SHIP_DELAY_MS) * 1000
    this.maxSlot = Math.floor((now - SHIP_DELAY_MS) / SLOT)
    for (const node of nodes) {
      for (const e of node.events) {
        const s = Math.floor(e.at / SLOT)
        const list = this.eventsBySlot.get(s) ?? []
        list.push({ node, e })
        this.eventsBySlot.set(s, list)
      }
      const quiet = activityIntervals(node.events, now).filter(
        (iv) => iv.kind === 'down' || iv.kind === 'build',
      )
      this.downSlots.set(node.name, (slot) => {
        const mid = slot * SLOT + SLOT / 2
        return (
          slot * SLOT + SLOT <= node.inst.created ||
          quiet.some((iv) => mid >= iv.from && mid < iv.to)
        )
      })
    }
  }

  /** The visible lines of one slot, oldest first. */
  slot(slot: number): LogLine[] {
    const out: LogLine[] = []
    for (const node of this.nodes) {
      if (this.downSlots.get(node.name)?.(slot)) continue
      const from = node.inst.created * 1000
      out.push(...ambientLines(node, slot).filter((l) => l.micros >= from))
    }
    for (const { node, e } of this.eventsBySlot.get(slot) ?? []) out.push(...eventLines(node, e))
    return out.filter((l) => l.micros <= this.horizon).sort(compareKeys)
  }

  /** Up to `limit` lines strictly before `before` (or the newest), newest first. */
  older(limit: number, before?: Key, keep: (l: LogLine) => boolean = all): LogLine[] {
    const out: LogLine[] = []
    const from = before
      ? Math.min(this.maxSlot, Math.floor(before.micros / 1000 / SLOT))
      : this.maxSlot
    for (let s = from; s >= this.minSlot && out.length < limit; s--) {
      const lines = this.slot(s)
      for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
        const l = lines[i] as LogLine
        if ((!before || compareKeys(l, before) < 0) && keep(l)) out.push(l)
      }
    }
    return out
  }

  /** Up to `limit` lines strictly after `after`, oldest first. */
  newer(limit: number, after: Key, keep: (l: LogLine) => boolean = all): LogLine[] {
    const out: LogLine[] = []
    const from = Math.max(this.minSlot, Math.floor(after.micros / 1000 / SLOT))
    for (let s = from; s <= this.maxSlot && out.length < limit; s++) {
      for (const l of this.slot(s)) {
        if (out.length >= limit) break
        if (compareKeys(l, after) > 0 && keep(l)) out.push(l)
      }
    }
    return out
  }
}

const all = () => true

/** The console's `filter` extension: message, unit or node contains the text (any case). */
export function lineFilter(text: string | undefined): (l: LogLine) => boolean {
  const needle = text?.trim().toLowerCase()
  if (!needle) return all
  return (l) =>
    l.message.toLowerCase().includes(needle) ||
    l.unit.toLowerCase().includes(needle) ||
    l.node.toLowerCase().includes(needle)
}

/** Exoscale's log time: UTC with microseconds and a literal Z. */
export function logTime(micros: number): string {
  const ms = Math.floor(micros / 1000)
  const iso = new Date(ms).toISOString().slice(0, 19)
  return `${iso}.${String(micros % 1_000_000).padStart(6, '0')}Z`
}

/** A type, not an interface: it must fit the SPA schema's loose objects (index signatures). */
export type LogsPage = {
  logs: { time: string; node: string; unit: string; message: string }[]
  offset?: string
  'first-log-offset'?: string
}

/** One page of `POST /dbaas-service-logs`, following Aiven's paging rules. */
export function logsPage(
  source: LogSource,
  req: { limit: number; order: 'asc' | 'desc'; offset?: Key; rawOffset?: string; filter?: string },
): LogsPage {
  const keep = lineFilter(req.filter)
  let lines: LogLine[]
  if (req.order === 'desc') lines = source.older(req.limit, req.offset, keep)
  else if (req.offset) lines = source.newer(req.limit, req.offset, keep)
  else lines = source.older(req.limit, undefined, keep).reverse()
  const first = lines[0]
  const last = lines[lines.length - 1]
  return {
    logs: lines.map((l) => ({
      time: logTime(l.micros),
      node: l.node,
      unit: l.unit,
      message: l.message,
    })),
    ...(last
      ? { offset: encodeOffset(last) }
      : req.rawOffset !== undefined
        ? { offset: req.rawOffset }
        : {}),
    ...(first ? { 'first-log-offset': encodeOffset(first) } : {}),
  }
}
