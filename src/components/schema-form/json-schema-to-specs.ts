import type { FieldSpec } from './field-spec'

/**
 * A JSON Schema (the subset integration and service settings use: an object of scalar
 * properties) turned into field specs. What a flat form cannot show (nested objects, arrays,
 * composition keywords) is listed in `skipped` with the reason, never silently dropped.
 */
export interface JsonSchema {
  type?: string | string[]
  title?: string
  description?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  enum?: unknown[]
  const?: unknown
  default?: unknown
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number | boolean
  exclusiveMaximum?: number | boolean
  multipleOf?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  writeOnly?: boolean
  readOnly?: boolean
  oneOf?: unknown[]
  anyOf?: unknown[]
  allOf?: unknown[]
}

export interface SkippedProperty {
  name: string
  reason: string
}

export interface JsonSchemaForm {
  specs: FieldSpec[]
  /** `default` values by field name, for defaultValuesFromSpecs. */
  defaults: Record<string, unknown>
  skipped: SkippedProperty[]
}

const SECRET_NAME = /pass(word|wd)?$|password|secret|token|api_?key|private_?key/i

/** "max_connections" -> "Max connections", "ipFilter" -> "Ip filter". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name
}

/** The single non-null type of a property ('string' from ['string', 'null']). */
function scalarType(schema: JsonSchema): { type: string | undefined; nullable: boolean } {
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null')
    return {
      type: types.length === 1 ? types[0] : undefined,
      nullable: types.length !== schema.type.length,
    }
  }
  if (schema.type === undefined && schema.enum) {
    const kinds = new Set(schema.enum.map((v) => typeof v))
    return { type: kinds.size === 1 && kinds.has('string') ? 'string' : undefined, nullable: false }
  }
  return { type: schema.type, nullable: false }
}

function numberBounds(schema: JsonSchema, integer: boolean) {
  let min = schema.minimum
  let max = schema.maximum
  const exMin = schema.exclusiveMinimum
  const exMax = schema.exclusiveMaximum
  // Draft 6+: exclusiveMinimum is a number; draft 4: a boolean next to minimum.
  if (typeof exMin === 'number') min = integer ? Math.floor(exMin) + 1 : exMin
  else if (exMin === true && min !== undefined && integer) min = min + 1
  if (typeof exMax === 'number') max = integer ? Math.ceil(exMax) - 1 : exMax
  else if (exMax === true && max !== undefined && integer) max = max - 1
  return { min, max }
}

/** One property as a field spec, or the reason it cannot be one. */
export function propertyToSpec(
  name: string,
  schema: JsonSchema,
  required: boolean,
): FieldSpec | SkippedProperty {
  if (schema.oneOf || schema.anyOf || schema.allOf) {
    return { name, reason: 'uses oneOf/anyOf/allOf' }
  }
  if (schema.readOnly) return { name, reason: 'is read-only' }
  const { type } = scalarType(schema)
  const base = {
    name,
    label: schema.title ?? humanize(name),
    ...(schema.description ? { help: schema.description } : {}),
    ...(required ? { required: true } : {}),
  }
  if (schema.enum) {
    if (!schema.enum.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return { name, reason: 'has an enum of non-scalar values' }
    }
    return {
      ...base,
      kind: 'select',
      options: schema.enum.map((v) => ({ value: String(v), label: String(v) })),
    }
  }
  switch (type) {
    case 'string': {
      const secret =
        schema.format === 'password' || schema.writeOnly === true || SECRET_NAME.test(name)
      const lengths = {
        ...(schema.minLength !== undefined ? { minLength: schema.minLength } : {}),
        ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}),
      }
      if (secret) return { ...base, kind: 'secret', ...lengths }
      return {
        ...base,
        kind: 'text',
        ...lengths,
        ...(schema.pattern !== undefined ? { pattern: schema.pattern } : {}),
      }
    }
    case 'integer':
    case 'number': {
      const integer = type === 'integer'
      const { min, max } = numberBounds(schema, integer)
      return {
        ...base,
        kind: 'number',
        integer,
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(schema.multipleOf !== undefined ? { step: schema.multipleOf } : {}),
      }
    }
    case 'boolean':
      return { ...base, kind: 'boolean' }
    case 'object':
      return { name, reason: 'is a nested object' }
    case 'array':
      return { name, reason: 'is a list' }
    default:
      return { name, reason: type ? `has the unsupported type ${type}` : 'has no single type' }
  }
}

/** The top-level properties of an object schema as field specs, in declaration order. */
export function jsonSchemaToSpecs(schema: JsonSchema): JsonSchemaForm {
  const required = new Set(schema.required ?? [])
  const specs: FieldSpec[] = []
  const skipped: SkippedProperty[] = []
  const defaults: Record<string, unknown> = {}
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (/[.[\]]/.test(name)) {
      skipped.push({ name, reason: "has '.', '[' or ']' in its name" })
      continue
    }
    const r = propertyToSpec(name, prop, required.has(name))
    if ('kind' in r) {
      specs.push(r)
      if (prop.default !== undefined) defaults[name] = prop.default
    } else skipped.push(r)
  }
  return { specs, defaults, skipped }
}
