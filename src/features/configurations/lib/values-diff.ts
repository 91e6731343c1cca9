import type { ConfigurationValue, ConfigurationValues } from '@/api/configurations/schemas'

/**
 * A configuration group's values next to the instance's defaults (what the group overrides).
 * Defaults come from the rendered template ("600M"), group values from the API (bytes), so
 * sizes with a K/M/G suffix are compared as bytes.
 */
export type DiffState = 'changed' | 'same' | 'added'

export interface DiffRow {
  name: string
  value: ConfigurationValue
  /** The default, when the template sets this parameter. */
  defaultValue?: ConfigurationValue
  state: DiffState
}

const UNITS: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }

/** "600M" -> 629145600; numbers and numeric strings as themselves; else undefined. */
export function numericValue(v: ConfigurationValue | undefined): number | undefined {
  if (typeof v === 'number') return v
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v !== 'string') return undefined
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT])?B?\s*$/i.exec(v)
  if (!m) {
    const lower = v.trim().toLowerCase()
    if (lower === 'on' || lower === 'true') return 1
    if (lower === 'off' || lower === 'false') return 0
    return undefined
  }
  return Number(m[1]) * (m[2] ? (UNITS[m[2].toUpperCase()] ?? 1) : 1)
}

export function sameValue(a: ConfigurationValue | undefined, b: ConfigurationValue | undefined) {
  if (a === b) return true
  const x = numericValue(a)
  const y = numericValue(b)
  if (x !== undefined && y !== undefined) return x === y
  return String(a).toLowerCase() === String(b).toLowerCase()
}

/** One row per group value, sorted by name. Keys match case-insensitively, as Trove does. */
export function diffValues(group: ConfigurationValues, defaults: ConfigurationValues): DiffRow[] {
  const byLower = new Map(Object.entries(defaults).map(([k, v]) => [k.toLowerCase(), v]))
  return Object.keys(group)
    .sort()
    .map((name) => {
      const value = group[name] ?? null
      const key = name.toLowerCase()
      if (!byLower.has(key)) return { name, value, state: 'added' as const }
      const defaultValue = byLower.get(key) ?? null
      return {
        name,
        value,
        defaultValue,
        state: sameValue(value, defaultValue) ? ('same' as const) : ('changed' as const),
      }
    })
}
