import type { ParameterRow, StoredValues } from '../store/configuration-queries'
import { RawNumber } from './configuration-json'
import { badRequest, unprocessable } from './errors'

/**
 * Trove 18's `ConfigurationsController._validate_configuration`, and how values are stored
 * (as text) and read back (converted by the parameter's data_type).
 */

export interface ValidationTarget {
  datastoreName: string
  versionName: string
  parameters: ParameterRow[]
}

export interface IncomingValues {
  values: Record<string, unknown>
  /** Keys whose value was an integral number written as a float (`2.0`). */
  floatLiterals: ReadonlySet<string>
}

/**
 * value <=> bound. Exact for safe integers (bounds may exceed 2^53); beyond 2^53 the value was
 * already rounded by JSON.parse, so both are compared as doubles (the max itself is accepted).
 */
function compareDecimal(value: number, bound: string): number {
  if (/^-?\d+$/.test(bound) && Number.isSafeInteger(value)) {
    const a = BigInt(value)
    const b = BigInt(bound)
    return a < b ? -1 : a > b ? 1 : 0
  }
  const b = Number(bound)
  return value < b ? -1 : value > b ? 1 : 0
}

/** The bound as Python's `int(...)` prints it. */
function boundText(bound: string): string {
  return /^-?\d+$/.test(bound) ? BigInt(bound).toString() : String(Math.trunc(Number(bound)))
}

function isOfType(type: string, v: unknown, floatLiteral: boolean): boolean {
  switch (type) {
    case 'boolean':
      return typeof v === 'boolean'
    case 'string':
      return typeof v === 'string'
    case 'integer':
      // bool is a subclass of int in Python: `true` passes (verified against Trove 18).
      return (
        typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v) && !floatLiteral)
      )
    case 'float':
      return typeof v === 'number' && (!Number.isInteger(v) || floatLiteral)
    default:
      throw badRequest(
        'Invalid or unsupported type defined in the configuration-parameters configuration file.',
      )
  }
}

/** Text stored for a validated value (what Trove's String column would hold). */
export function storedText(type: string, v: unknown, floatLiteral: boolean): string {
  if (typeof v === 'boolean') {
    if (type === 'boolean') return v ? 'true' : 'false'
    return v ? '1' : '0'
  }
  if (typeof v === 'number') {
    if (type === 'float' && (Number.isInteger(v) || floatLiteral)) {
      return Number.isInteger(v) && !/[eE]/.test(String(v)) ? `${v}.0` : String(v)
    }
    return String(v)
  }
  return String(v)
}

/**
 * Validates values against a version's parameters; the first failure is thrown as Trove does
 * (422 for unknown keys, wrong types and out-of-range integers). Returns the texts to store.
 */
export function validateValues(target: ValidationTarget, incoming: IncomingValues): StoredValues {
  const { datastoreName, versionName, parameters } = target
  if (parameters.length === 0) {
    throw unprocessable(
      `Configuration groups are not supported for this datastore: ${datastoreName} ${versionName}`,
    )
  }
  const byName = new Map(parameters.map((p) => [p.name.toLowerCase(), p]))
  const out: StoredValues = {}
  for (const [key, v] of Object.entries(incoming.values)) {
    const rule = byName.get(key.toLowerCase())
    if (!rule) {
      throw unprocessable(
        `The configuration parameter ${key} is not supported for this datastore: ${datastoreName} ${versionName}.`,
      )
    }
    const floatLiteral = incoming.floatLiterals.has(key)
    if (!isOfType(rule.data_type, v, floatLiteral)) {
      throw unprocessable(
        `The value provided for the configuration parameter ${key} is not of type ${rule.data_type}.`,
      )
    }
    if (typeof v === 'number' && rule.data_type === 'integer') {
      if (rule.min_size !== null && compareDecimal(v, rule.min_size) < 0) {
        throw unprocessable(
          `The value for the configuration parameter ${key} is less than the minimum allowed: ${boundText(rule.min_size)}`,
        )
      }
      if (rule.max_size !== null && compareDecimal(v, rule.max_size) > 0) {
        throw unprocessable(
          `The value for the configuration parameter ${key} is greater than the maximum allowed: ${boundText(rule.max_size)}`,
        )
      }
    }
    out[key] = storedText(rule.data_type, v, floatLiteral)
  }
  return out
}

export type ShownValue = string | number | boolean | RawNumber

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/** A stored text shown by its parameter's type (`Configuration.load_items`). */
export function shownValue(type: string | undefined, text: string): ShownValue {
  switch (type) {
    case 'integer': {
      if (!/^-?\d+$/.test(text)) return text
      const big = BigInt(text)
      return big > MAX_SAFE || big < -MAX_SAFE ? new RawNumber(text) : Number(text)
    }
    case 'float': {
      const n = Number(text)
      if (Number.isNaN(n)) return text
      return Number.isInteger(n) ? new RawNumber(/[.eE]/.test(text) ? text : `${text}.0`) : n
    }
    case 'boolean':
      return ['true', '1', 'on', 'yes'].includes(text.toLowerCase())
    default:
      return text
  }
}

/** Whether a string value is a secret the views mask. */
export function isSecretKey(key: string): boolean {
  return /pass(word|wd)|secret/i.test(key)
}

export const MASK = '***'

/** Stored values shown by type, sorted by key, secrets masked. */
export function shownValues(
  stored: StoredValues,
  parameters: ParameterRow[],
): Record<string, ShownValue> {
  const byName = new Map(parameters.map((p) => [p.name.toLowerCase(), p]))
  const out: Record<string, ShownValue> = {}
  for (const key of Object.keys(stored).sort()) {
    const type = byName.get(key.toLowerCase())?.data_type
    const text = stored[key] ?? ''
    out[key] = type === 'string' && isSecretKey(key) ? MASK : shownValue(type, text)
  }
  return out
}

/** The values a create echoes: the JSON sent, integral floats kept as floats, secrets masked. */
export function echoedValues(
  incoming: IncomingValues,
  parameters: ParameterRow[],
): Record<string, ShownValue> {
  const byName = new Map(parameters.map((p) => [p.name.toLowerCase(), p]))
  const out: Record<string, ShownValue> = {}
  for (const [key, v] of Object.entries(incoming.values)) {
    const type = byName.get(key.toLowerCase())?.data_type
    if (type === 'string' && isSecretKey(key)) out[key] = MASK
    else if (typeof v === 'number' && incoming.floatLiterals.has(key))
      out[key] = new RawNumber(storedText('float', v, true))
    else out[key] = v as ShownValue
  }
  return out
}

/** Names (lower-case) of the given keys whose parameter needs a restart. */
export function restartRequiredKeys(keys: Iterable<string>, parameters: ParameterRow[]): string[] {
  const byName = new Map(parameters.map((p) => [p.name.toLowerCase(), p]))
  const out: string[] = []
  for (const k of keys) if (byName.get(k.toLowerCase())?.restart_required) out.push(k)
  return out
}
