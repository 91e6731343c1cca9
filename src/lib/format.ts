/**
 * Formatting helpers for what the cloud sends: sizes, Trove timestamps (UTC without a zone),
 * relative times and durations. Pure functions; `now` is a parameter so tests are stable.
 */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const

/** 1536 -> "1.5 KiB" (binary units, as volume and memory sizes are). */
export function formatBytes(bytes: number, fractionDigits = 1): string {
  if (!Number.isFinite(bytes)) return '—'
  const sign = bytes < 0 ? '-' : ''
  let value = Math.abs(bytes)
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 ? 0 : fractionDigits
  const text = value.toFixed(digits).replace(/\.0+$/, '')
  return `${sign}${text} ${BYTE_UNITS[unit]}`
}

/** Trove volume sizes are whole GB: 5 -> "5 GB". Fractional `used` values keep two digits. */
export function formatGb(gb: number | null | undefined): string {
  if (gb === null || gb === undefined || !Number.isFinite(gb)) return '—'
  const text = Number.isInteger(gb) ? String(gb) : gb.toFixed(2).replace(/\.?0+$/, '')
  return `${text} GB`
}

/** Flavor RAM is in MiB: 2048 -> "2 GiB", 512 -> "512 MiB". */
export function formatRamMb(mb: number): string {
  return formatBytes(mb * 1024 * 1024)
}

/**
 * Parses a cloud timestamp. Trove sends "2026-11-23T03:53:15" (UTC, no zone), Keystone
 * "2026-11-23T03:53:15.000000Z"; both become the same instant. Returns undefined when unparsable.
 */
export function parseCloudDate(value: string | number | Date | null | undefined): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value
  if (typeof value === 'number') return new Date(value)
  let text = value.trim()
  // "2026-11-23 03:53:15" (space) is also seen in some Trove fields.
  if (/^\d{4}-\d{2}-\d{2} \d/.test(text)) text = text.replace(' ', 'T')
  // Microseconds: JS keeps milliseconds only.
  text = text.replace(/(\.\d{3})\d+/, '$1')
  const hasZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(text)
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !hasZone) text += 'Z'
  const d = new Date(text)
  return Number.isNaN(d.getTime()) ? undefined : d
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

/**
 * "3 minutes ago", "just now". A time after `now` (the cloud's clock ahead of this browser's, or
 * a read that landed after the last timer tick) is "just now": never a time in the future.
 */
export function formatRelativeTime(
  value: string | number | Date | null | undefined,
  now: number = Date.now(),
): string {
  const d = parseCloudDate(value)
  if (!d) return '—'
  const diffSec = Math.min(0, Math.round((d.getTime() - now) / 1000))
  const abs = Math.abs(diffSec)
  if (abs < 10) return 'just now'
  if (abs < 60) return relative.format(diffSec, 'second')
  const diffMin = Math.round(diffSec / 60)
  if (Math.abs(diffMin) < 60) return relative.format(diffMin, 'minute')
  const diffHour = Math.round(diffSec / 3600)
  if (Math.abs(diffHour) < 24) return relative.format(diffHour, 'hour')
  const diffDay = Math.round(diffSec / 86400)
  if (Math.abs(diffDay) < 30) return relative.format(diffDay, 'day')
  const diffMonth = Math.round(diffSec / (86400 * 30))
  if (Math.abs(diffMonth) < 12) return relative.format(diffMonth, 'month')
  return relative.format(Math.round(diffSec / (86400 * 365)), 'year')
}

/** "23 Nov 2026, 03:53" in the browser's time zone (pass timeZone 'UTC' for stable output). */
export function formatDateTime(
  value: string | number | Date | null | undefined,
  opts: { timeZone?: string; seconds?: boolean } = {},
): string {
  const d = parseCloudDate(value)
  if (!d) return '—'
  return dateTimeFormat(opts.timeZone, opts.seconds === true, true).format(d)
}

// Creating an Intl.DateTimeFormat costs far more than formatting with one (a list of thousands
// of rows formats a date per row as it scrolls): one per time zone, precision and date or not.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

function dateTimeFormat(
  timeZone: string | undefined,
  seconds: boolean,
  withDate: boolean,
): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${seconds}|${withDate}`
  let f = dateTimeFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      ...(withDate
        ? { day: 'numeric' as const, month: 'short' as const, year: 'numeric' as const }
        : {}),
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' as const } : {}),
      hour12: false,
      ...(timeZone ? { timeZone } : {}),
    })
    dateTimeFormats.set(key, f)
  }
  return f
}

/** "05:31" in the browser's time zone (pass timeZone 'UTC' for stable output). */
export function formatTimeOfDay(
  value: string | number | Date | null | undefined,
  opts: { timeZone?: string } = {},
): string {
  const d = parseCloudDate(value)
  if (!d) return '—'
  return dateTimeFormat(opts.timeZone, false, false).format(d)
}

/** ISO 8601 in UTC, for title attributes and <time dateTime>. */
export function toIsoString(value: string | number | Date | null | undefined): string | undefined {
  return parseCloudDate(value)?.toISOString()
}

/** An elapsed time: 4000 -> "4s", 75000 -> "1m 15s", 3_700_000 -> "1h 1m". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0s'
  const total = Math.floor(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}h ${m}m`
  if (m > 0) return `${m}m ${s}s`
  return `${s}s`
}
