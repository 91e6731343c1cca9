/**
 * A small JSON Schema checker for the subset the DBaaS documents use: type, properties, required,
 * additionalProperties, items, enum, minimum/maximum, minLength/maxLength, pattern, maxItems,
 * format (uuid, date-time) and `$ref` into a components map. Used to validate integration settings
 * at runtime and, in tests, every response against the OpenAPI document.
 */

/** A type, not an interface, so that response bodies holding one fit loose object schemas. */
export type Schema = {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  enum?: unknown[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: boolean | number
  exclusiveMaximum?: boolean | number
  minLength?: number
  maxLength?: number
  maxItems?: number
  pattern?: string
  format?: string
  nullable?: boolean
}

export interface CheckOptions {
  /** `#/components/schemas/x` targets. */
  refs?: Record<string, Schema>
  /**
   * Treat an object schema that lists properties as closed even without
   * `additionalProperties: false` (catches misspelt fields in responses).
   */
  closed?: boolean
  /** Paths (like `reference.id`) whose `format` is not checked. */
  skipFormatAt?: string[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function resolve(schema: Schema, opts: CheckOptions): Schema {
  let s = schema
  for (let i = 0; s.$ref && i < 20; i++) {
    const name = s.$ref.split('/').pop() ?? ''
    const target = opts.refs?.[name]
    if (!target) throw new Error(`unresolved $ref ${s.$ref}`)
    // A sibling `description` next to `$ref` is allowed; the target decides the rest.
    s = target
  }
  return s
}

/** Problems found, as `path: message` lines (empty when the value conforms). */
export function checkSchema(value: unknown, schema: Schema, opts: CheckOptions = {}): string[] {
  const errors: string[] = []
  walk(value, schema, '', opts, errors)
  return errors
}

function walk(v: unknown, raw: Schema, path: string, opts: CheckOptions, errors: string[]): void {
  const s = resolve(raw, opts)
  const at = path || '(root)'
  const t = typeOf(v)
  if (v === null && s.nullable) return
  if (s.type) {
    const types = Array.isArray(s.type) ? s.type : [s.type]
    const ok = types.some((want) => want === t || (want === 'number' && t === 'integer'))
    if (!ok) {
      errors.push(`${at}: expected ${types.join('|')}, got ${t}`)
      return
    }
  }
  if (s.enum && !s.enum.includes(v)) {
    errors.push(`${at}: ${JSON.stringify(v)} is not one of ${s.enum.map(String).join(', ')}`)
  }
  if (typeof v === 'string') {
    if (s.minLength !== undefined && v.length < s.minLength)
      errors.push(`${at}: shorter than ${s.minLength}`)
    if (s.maxLength !== undefined && v.length > s.maxLength)
      errors.push(`${at}: longer than ${s.maxLength}`)
    if (s.pattern && !new RegExp(s.pattern).test(v))
      errors.push(`${at}: does not match ${s.pattern}`)
    if (s.format && !(opts.skipFormatAt ?? []).includes(path)) {
      if (s.format === 'uuid' && !UUID.test(v)) errors.push(`${at}: not a uuid`)
      if (s.format === 'date-time' && !DATE_TIME.test(v)) errors.push(`${at}: not a date-time`)
    }
  }
  if (typeof v === 'number') {
    const exMin = s.exclusiveMinimum === true
    const exMax = s.exclusiveMaximum === true
    if (s.minimum !== undefined && (exMin ? v <= s.minimum : v < s.minimum))
      errors.push(`${at}: below the minimum ${s.minimum}`)
    if (s.maximum !== undefined && (exMax ? v >= s.maximum : v > s.maximum))
      errors.push(`${at}: above the maximum ${s.maximum}`)
  }
  if (Array.isArray(v)) {
    if (s.maxItems !== undefined && v.length > s.maxItems)
      errors.push(`${at}: more than ${s.maxItems} items`)
    if (s.items)
      v.forEach((item, i) => walk(item, s.items as Schema, `${path}[${i}]`, opts, errors))
  }
  if (t === 'object') {
    const obj = v as Record<string, unknown>
    const props = s.properties ?? {}
    for (const r of s.required ?? []) {
      if (!(r in obj)) errors.push(`${path ? `${path}.` : ''}${r}: required`)
    }
    for (const [k, child] of Object.entries(obj)) {
      const p = path ? `${path}.${k}` : k
      const ps = props[k]
      if (ps) walk(child, ps, p, opts, errors)
      else if (typeof s.additionalProperties === 'object') {
        walk(child, s.additionalProperties, p, opts, errors)
      } else if (
        s.additionalProperties === false ||
        (opts.closed &&
          s.properties &&
          Object.keys(props).length > 0 &&
          s.additionalProperties !== true)
      ) {
        errors.push(`${p}: not allowed here`)
      }
    }
  }
}
