import type { ConfigurationValue, ConfigurationValues } from '@/api/configurations/schemas'

/**
 * A configuration group's values next to the instance's defaults (what the group overrides).
 * Defaults come from the rendered template ("600M"), group values from the API (bytes). Each
 * value is read as its parameter's type: integers and floats with a K/M/G/T suffix as bytes
 * (`600M` = 629145600), booleans as on/off, strings as text (case aside).
 */
export type DiffState = 'changed' | 'same' | 'added'

export interface DiffRow {
  name: string
  value: ConfigurationValue
  /** The default, when the template sets this parameter. */
  defaultValue?: ConfigurationValue
  /** The default in the group's unit, when it is written differently ("600M" -> "629145600"). */
  defaultAs?: string
  state: DiffState
}

/** A parameter's type by name (lower case), as `/datastores/versions/{id}/parameters` says. */
export type ParameterTypes = ReadonlyMap<string, string>

const UNITS: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }

function sizeValue(v: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT])?B?\s*$/i.exec(v)
  if (!m) return undefined
  return Number(m[1]) * (m[2] ? (UNITS[m[2].toUpperCase()] ?? 1) : 1)
}

function booleanValue(v: ConfigurationValue | undefined): number | undefined {
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number') return v === 0 || v === 1 ? v : undefined
  if (typeof v !== 'string') return undefined
  const lower = v.trim().toLowerCase()
  if (lower === 'on' || lower === 'true' || lower === '1') return 1
  if (lower === 'off' || lower === 'false' || lower === '0') return 0
  return undefined
}

/**
 * A value as a number when its type makes it one: "600M" -> 629145600 for an integer, "ON" -> 1
 * for a boolean. Without a type (a parameter this version does not list) both are tried.
 */
export function numericValue(v: ConfigurationValue | undefined, type?: string): number | undefined {
  if (type === 'string') return undefined
  if (type === 'boolean') return booleanValue(v)
  if (typeof v === 'number') return v
  if (typeof v === 'boolean') return type === undefined ? (v ? 1 : 0) : undefined
  if (typeof v !== 'string') return undefined
  return sizeValue(v) ?? (type === undefined ? booleanValue(v) : undefined)
}

export function sameValue(
  a: ConfigurationValue | undefined,
  b: ConfigurationValue | undefined,
  type?: string,
) {
  if (a === b) return true
  const x = numericValue(a, type)
  const y = numericValue(b, type)
  if (x !== undefined && y !== undefined) return x === y
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase()
}

/** "600M" read as an integer, written as the group writes it ("629145600"), when it differs. */
function rewritten(v: ConfigurationValue | undefined, type: string | undefined) {
  if (typeof v !== 'string' || (type !== 'integer' && type !== 'float')) return undefined
  const n = numericValue(v, type)
  return n !== undefined && String(n) !== v.trim() ? String(n) : undefined
}

/** One row per group value, sorted by name. Keys match case-insensitively, as Trove does. */
export function diffValues(
  group: ConfigurationValues,
  defaults: ConfigurationValues,
  types: ParameterTypes = new Map(),
): DiffRow[] {
  const byLower = new Map(Object.entries(defaults).map(([k, v]) => [k.toLowerCase(), v]))
  return Object.keys(group)
    .sort()
    .map((name) => {
      const value = group[name] ?? null
      const key = name.toLowerCase()
      if (!byLower.has(key)) return { name, value, state: 'added' as const }
      const type = types.get(key)
      const defaultValue = byLower.get(key) ?? null
      const defaultAs = rewritten(defaultValue, type)
      return {
        name,
        value,
        defaultValue,
        ...(defaultAs ? { defaultAs } : {}),
        state: sameValue(value, defaultValue, type) ? ('same' as const) : ('changed' as const),
      }
    })
}

/** The types of a version's parameters, keyed by lower-case name (for `diffValues`). */
export function parameterTypes(parameters: readonly { name: string; type: string }[]) {
  return new Map(parameters.map((p) => [p.name.toLowerCase(), p.type]))
}
