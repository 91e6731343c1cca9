import { z } from 'zod'
import type { FieldInput, FieldSpec, FormInput, NumberFieldSpec } from './field-spec'

/**
 * Builds the zod schema of a generated form at run time. Input is what the controls hold (text,
 * checkbox states); output is typed values: numbers parsed, '' turned into undefined for optional
 * fields (so "left empty" and "not set" are the same at the API boundary).
 */

const REQUIRED = 'Required'

/** '' (or whitespace only) and undefined/null become undefined; strings are trimmed. */
function emptyToUndefined(v: unknown): unknown {
  if (v === undefined || v === null) return undefined
  if (typeof v === 'string') {
    const t = v.trim()
    return t === '' ? undefined : t
  }
  return v
}

function numberSchema(spec: NumberFieldSpec) {
  const kind = spec.integer ? 'a whole number' : 'a number'
  let n = z.number({ error: `Enter ${kind}` })
  if (spec.integer) n = n.int({ error: 'Enter a whole number' })
  if (spec.min !== undefined) n = n.min(spec.min, { error: `Must be at least ${spec.min}` })
  if (spec.max !== undefined) n = n.max(spec.max, { error: `Must be at most ${spec.max}` })
  const parse = (v: unknown): unknown => {
    const e = emptyToUndefined(v)
    if (typeof e !== 'string') return e
    // Plain decimal notation only: "1e3", "0x10" or "12abc" are not numbers here.
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(e)) return Number.NaN
    return Number(e)
  }
  return spec.required
    ? z.preprocess(parse, z.custom((v) => v !== undefined, { error: REQUIRED }).pipe(n))
    : z.preprocess(parse, n.optional())
}

function stringSchema(
  spec: {
    required?: boolean
    minLength?: number
    maxLength?: number
    pattern?: string
    patternMessage?: string
  },
  trim: boolean,
) {
  let s = z.string({ error: REQUIRED })
  if (spec.minLength !== undefined)
    s = s.min(spec.minLength, { error: `Must be at least ${spec.minLength} characters` })
  if (spec.maxLength !== undefined)
    s = s.max(spec.maxLength, { error: `Must be at most ${spec.maxLength} characters` })
  if (spec.pattern !== undefined)
    s = s.regex(new RegExp(`^(?:${spec.pattern})$`), {
      error: spec.patternMessage ?? `Must match ${spec.pattern}`,
    })
  // Secrets are not trimmed: spaces may be part of them.
  const pre = trim
    ? emptyToUndefined
    : (v: unknown) => (v === '' || v === undefined || v === null ? undefined : v)
  return z.preprocess(pre, spec.required ? s : s.optional())
}

/** The zod schema of one field. */
export function zodFromSpec(spec: FieldSpec): z.ZodType {
  switch (spec.kind) {
    case 'number':
      return numberSchema(spec)
    case 'boolean': {
      const b = z.boolean({ error: REQUIRED })
      return spec.required ? b : b.optional()
    }
    case 'select': {
      const values = spec.options.map((o) => o.value)
      const s = z
        .string({ error: 'Choose a value' })
        .refine((v) => values.includes(v), { error: 'Choose one of the listed values' })
      return z.preprocess(emptyToUndefined, spec.required ? s : s.optional())
    }
    case 'text':
      return stringSchema(spec, true)
    case 'secret':
      return stringSchema(spec, false)
  }
}

/** The zod object of a form generated from specs (unknown keys are dropped). */
export function zodFromSpecs(specs: readonly FieldSpec[]) {
  const shape: Record<string, z.ZodType> = {}
  for (const spec of specs) shape[spec.name] = zodFromSpec(spec)
  return z.object(shape)
}

/** The empty value a control of this kind starts with. */
export function emptyInput(spec: FieldSpec): FieldInput {
  return spec.kind === 'boolean' ? false : ''
}

/** A value (from the API) as the control holds it. */
export function toInput(spec: FieldSpec, value: unknown): FieldInput {
  if (spec.kind === 'boolean') {
    if (typeof value === 'boolean') return value
    if (typeof value === 'number') return value !== 0
    if (typeof value === 'string') return ['true', '1', 'on', 'yes'].includes(value.toLowerCase())
    return false
  }
  if (value === undefined || value === null) return ''
  return String(value)
}

/** Complete defaultValues for useForm: every field present, initial values converted. */
export function defaultValuesFromSpecs(
  specs: readonly FieldSpec[],
  initial: Record<string, unknown> = {},
): FormInput {
  const out: FormInput = {}
  for (const spec of specs) {
    out[spec.name] = spec.name in initial ? toInput(spec, initial[spec.name]) : emptyInput(spec)
  }
  return out
}

/** The output without the fields left empty. */
export function definedValues<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>
}
