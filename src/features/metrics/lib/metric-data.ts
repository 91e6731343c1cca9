import type { MetricSeries } from '@/api/dbaas/schemas'

/** Metric tables (Aiven data-table shape) turned into chart points, with units per metric. */

export type MetricUnit = 'percent' | 'bytes-per-second' | 'iops' | 'load'

export const METRIC_ORDER = [
  'cpu_usage',
  'load_average',
  'mem_usage',
  'mem_available',
  'disk_usage',
  'diskio_read',
  'diskio_writes',
  'net_receive',
  'net_send',
]

export function unitOf(key: string): MetricUnit {
  if (key.startsWith('net_')) return 'bytes-per-second'
  if (key.startsWith('diskio')) return 'iops'
  if (key === 'load_average') return 'load'
  return 'percent'
}

export function formatValue(v: number, unit: MetricUnit): string {
  switch (unit) {
    case 'percent':
      return `${v.toFixed(1)} %`
    case 'load':
      return v.toFixed(2)
    case 'iops':
      return `${v < 10 ? v.toFixed(1) : Math.round(v)} IOPS`
    case 'bytes-per-second': {
      const units = ['B/s', 'KiB/s', 'MiB/s', 'GiB/s']
      let x = v
      let i = 0
      while (x >= 1024 && i < units.length - 1) {
        x /= 1024
        i++
      }
      return `${x < 10 && i > 0 ? x.toFixed(1) : Math.round(x)} ${units[i]}`
    }
  }
}

export interface ChartData {
  title: string
  unit: MetricUnit
  nodes: string[]
  points: Record<string, number>[]
}

/** Rows `[time, v1, v2...]` -> points `{t, n0, n1...}`; non-numeric cells are left out. */
export function toChartData(key: string, series: MetricSeries): ChartData {
  const cols = series.data.cols.slice(1)
  const points: Record<string, number>[] = []
  for (const row of series.data.rows) {
    const [time, ...values] = row
    const t =
      typeof time === 'string'
        ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(time) ? time : `${time}Z`)
        : NaN
    if (!Number.isFinite(t)) continue
    const p: Record<string, number> = { t }
    values.forEach((v, i) => {
      if (typeof v === 'number') p[`n${i}`] = v
    })
    points.push(p)
  }
  return {
    title: series.hints?.title ?? key,
    unit: unitOf(key),
    nodes: cols.map((c) => c.label),
    points,
  }
}

export function orderedKeys(keys: string[]): string[] {
  const known = METRIC_ORDER.filter((k) => keys.includes(k))
  return [...known, ...keys.filter((k) => !METRIC_ORDER.includes(k)).sort()]
}

const BYTE_UNITS = ['B/s', 'KiB/s', 'MiB/s', 'GiB/s'] as const

/**
 * The y-axis labels of one chart, all in one unit (the one its largest value needs: "0 MiB/s,
 * 1.5 MiB/s", never "800 KiB/s, 1.5 MiB/s" on one axis), short enough never to wrap.
 */
export function axisFormatter(unit: MetricUnit, max: number): (v: number) => string {
  switch (unit) {
    case 'percent':
      return (v) => `${Math.round(v)} %`
    case 'load':
      return (v) => (max < 10 ? v.toFixed(1) : String(Math.round(v)))
    case 'iops':
      return (v) => (max < 10 ? v.toFixed(1) : String(Math.round(v)))
    case 'bytes-per-second': {
      let i = 0
      let scale = 1
      while (max / scale >= 1024 && i < BYTE_UNITS.length - 1) {
        scale *= 1024
        i++
      }
      const label = BYTE_UNITS[i] ?? 'B/s'
      return (v) => {
        const x = v / scale
        return `${max / scale < 10 && i > 0 ? x.toFixed(1) : Math.round(x)} ${label}`
      }
    }
  }
}

/** The unit a chart's axis is in, for its caption ("CPU usage, %"). */
export function axisUnitLabel(unit: MetricUnit, max: number): string {
  if (unit === 'percent') return '%'
  if (unit === 'iops') return 'IOPS'
  if (unit === 'load') return 'load'
  return axisFormatter(unit, max)(0).split(' ')[1] ?? 'B/s'
}

/** The largest value of a chart's points (0 when none). */
export function maxValue(points: readonly Record<string, number>[]): number {
  let max = 0
  for (const p of points) for (const [k, v] of Object.entries(p)) if (k !== 't' && v > max) max = v
  return max
}

/** Time ticks per period: clock times within a day, dates within a month, months with the year. */
export function timeTickFormat(period: 'hour' | 'day' | 'week' | 'month' | 'year') {
  return (t: number): string => {
    const d = new Date(t)
    if (period === 'hour' || period === 'day')
      return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false })
    if (period === 'year')
      return d.toLocaleDateString(undefined, { month: 'short', year: 'numeric' })
    return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
  }
}
