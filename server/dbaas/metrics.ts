import type { EventRow } from '../store/task-queries'
import type { InstanceRow } from '../store/instance-queries'
import type { MetricPeriod } from '../../src/api/dbaas/schemas'
import { hash01, hashString, smoothNoise } from './prng'
import { isoZ } from './views'

/**
 * Service metrics in Aiven's data-table shape (`hints.title`, `data.cols`, `data.rows`), made from
 * what happened to the instance: builds, backups, resizes and restarts show in CPU, disk I/O and
 * network; disk usage grows with the data written and drops when the volume is resized. Values are
 * a pure function of the instance, its events and the bucket time, so the same request gives the
 * same numbers.
 */

/** Window and step (seconds) per period, as Aiven documents them. */
export const PERIODS: Record<MetricPeriod, { window: number; step: number }> = {
  hour: { window: 3600, step: 30 },
  day: { window: 86_400, step: 300 },
  week: { window: 604_800, step: 1800 },
  month: { window: 2_592_000, step: 10_800 },
  year: { window: 31_536_000, step: 86_400 },
}

export const METRIC_TITLES = {
  cpu_usage: 'CPU usage %',
  disk_usage: 'Disk space usage %',
  diskio_read: 'Disk iops (reads)',
  diskio_writes: 'Disk iops (writes)',
  load_average: 'Load average (5 min)',
  mem_usage: 'Memory usage %',
  mem_available: 'Memory available %',
  net_receive: 'Network receive (bytes/s)',
  net_send: 'Network transmit (bytes/s)',
} as const
export type MetricKey = keyof typeof METRIC_TITLES
const KEYS = Object.keys(METRIC_TITLES) as MetricKey[]

export interface MetricNode {
  name: string
  role: string
  inst: InstanceRow
  events: EventRow[]
  vcpus: number
}

type Activity = 'build' | 'backup' | 'resize' | 'restart' | 'down'
const ACTIVITY_OF: Record<string, Activity> = {
  BUILD: 'build',
  BACKUP: 'backup',
  RESIZE: 'resize',
  REBOOT: 'restart',
  SHUTDOWN: 'down',
  ERROR: 'down',
  DELETED: 'down',
}
interface Interval {
  kind: Activity
  from: number
  to: number
}

/** What the instance was doing when: each event's status lasts until the next event. */
export function activityIntervals(events: EventRow[], now: number): Interval[] {
  const out: Interval[] = []
  events.forEach((e, i) => {
    const kind = ACTIVITY_OF[e.to_status]
    if (!kind) return
    const to = events[i + 1]?.at ?? now
    if (to > e.at) out.push({ kind, from: e.at, to })
  })
  return out
}

function fractions(intervals: Interval[], from: number, to: number): Record<Activity, number> {
  const f = { build: 0, backup: 0, resize: 0, restart: 0, down: 0 }
  const span = to - from
  for (const iv of intervals) {
    const overlap = Math.min(to, iv.to) - Math.max(from, iv.from)
    if (overlap > 0) f[iv.kind] += overlap / span
  }
  return f
}

const GB = 1024 ** 3
const RESIZED = /^Volume resized to (\d+) GB\.$/

/** Volume size (GB) at time t: the size the last resize before t gave, else the first size. */
function volumeSizeAt(node: MetricNode, t: number): number {
  const resizes = node.events
    .map((e) => ({ at: e.at, size: Number(RESIZED.exec(e.message)?.[1] ?? NaN) }))
    .filter((r) => Number.isFinite(r.size))
  if (resizes.length === 0) return node.inst.volume_size
  let size = Math.max(1, Math.ceil((resizes[0]?.size ?? node.inst.volume_size) / 2))
  for (const r of resizes) if (r.at <= t) size = r.size
  return size
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits

function nodeValues(node: MetricNode, t: number, stepMs: number, intervals: Interval[]) {
  const id = node.inst.id
  const seed = hashString(id)
  const a = fractions(intervals, t, t + stepMs)
  const up = Math.max(0, 1 - a.down)
  const hour = new Date(t).getUTCHours() + new Date(t).getUTCMinutes() / 60
  const diurnal = 1 + 0.35 * Math.sin((2 * Math.PI * (hour - 9)) / 24)
  const spacing = stepMs * 6
  const n = (k: string) => smoothNoise(hashString(id + k), t, spacing)
  const jitter = (k: string) => hash01(hashString(id + k), t / stepMs)
  const replica = node.role !== 'master' ? 0.5 : 1

  const cpuBase = 4 + 14 * hash01(seed, 1)
  const cpu = Math.min(
    100,
    up * (cpuBase * diurnal * replica * (0.6 + 0.8 * n('cpu')) + 3 * jitter('cpu')) +
      a.build * 55 +
      a.backup * 35 +
      a.resize * 40 +
      a.restart * 30,
  )
  const memBase = 22 + 30 * hash01(seed, 2)
  const mem = Math.min(
    97,
    up * (memBase + 12 * n('mem') + 2 * jitter('mem')) + a.backup * 9 + a.build * 6,
  )
  // Data written: a steady rate per instance (0.05-0.6 GB a day), more while busy.
  const ratePerDay = 0.05 + 0.55 * hash01(seed, 3)
  const ageDays = Math.max(0, t - node.inst.created) / 86_400_000
  const usedGb = (node.inst.volume_used ?? 0.16) + ratePerDay * ageDays
  const sizeGb = volumeSizeAt(node, t)
  const disk = Math.min(96, (usedGb / sizeGb) * 100)
  const writeIops = ((ratePerDay * GB) / 86_400 / 16_384) * (0.5 + n('wr'))
  return {
    cpu_usage: round(cpu),
    disk_usage: round(disk),
    diskio_read: round(
      up * (1 + 18 * n('rd') * diurnal * replica) +
        a.backup * 650 +
        a.resize * 180 +
        a.restart * 90,
    ),
    diskio_writes: round(
      up * (3 + writeIops + 25 * n('wio') * diurnal) +
        a.build * 420 +
        a.backup * 60 +
        a.resize * 240 +
        a.restart * 40,
    ),
    load_average: round((cpu / 100) * node.vcpus * 1.25 + 0.02 * up),
    mem_usage: round(mem),
    mem_available: round(100 - mem),
    net_receive: Math.round(
      up * (1500 + 70_000 * n('rx') * diurnal * replica) + a.build * 900_000 + a.resize * 50_000,
    ),
    net_send: Math.round(
      up * (2500 + 110_000 * n('tx') * diurnal * replica) + a.backup * 4_500_000,
    ),
  } satisfies Record<MetricKey, number>
}

/** A type, not an interface: it must fit the SPA schema's loose objects (index signatures). */
export type MetricTable = {
  hints: { title: string }
  data: { cols: { type: string; label: string }[]; rows: (string | number)[][] }
}

/** The `metrics` object for a service's nodes over a period ending at `now`. */
export function buildMetrics(
  nodes: MetricNode[],
  period: MetricPeriod,
  now: number,
): Record<MetricKey, MetricTable> {
  const { window, step } = PERIODS[period]
  const stepMs = step * 1000
  const end = Math.floor(now / stepMs) * stepMs
  const primary = nodes[0]
  const created = primary ? Math.floor(primary.inst.created / stepMs) * stepMs : end
  const start = Math.max(end - window * 1000 + stepMs, created)
  const cols = [
    { type: 'date', label: 'time' },
    ...nodes.map((nd) => ({ type: 'number', label: `${nd.name} (${nd.role})` })),
  ]
  const intervals = nodes.map((nd) => activityIntervals(nd.events, now))
  const out = {} as Record<MetricKey, MetricTable>
  for (const k of KEYS) out[k] = { hints: { title: METRIC_TITLES[k] }, data: { cols, rows: [] } }
  for (let t = start; t <= end; t += stepMs) {
    const values = nodes.map((nd, i) =>
      t + stepMs <= nd.inst.created ? undefined : nodeValues(nd, t, stepMs, intervals[i] ?? []),
    )
    for (const k of KEYS) {
      out[k].data.rows.push([isoZ(t), ...values.map((v) => (v ? v[k] : 0))])
    }
  }
  return out
}
