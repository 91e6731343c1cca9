/**
 * Field descriptors for generated forms. Domain code (configuration parameters, integration
 * settings) turns its own schema into these; the renderer and the zod builder read only these.
 * Names are react-hook-form paths: they must not contain '.', '[' or ']'.
 */
interface FieldBase {
  name: string
  label: string
  help?: string
  /** Required: the value may not be left empty. */
  required?: boolean
  /** A short note shown beside the label ("Restart required"). */
  badge?: string
}

export interface TextFieldSpec extends FieldBase {
  kind: 'text'
  placeholder?: string
  minLength?: number
  maxLength?: number
  /** A regular expression (without slashes) the whole value must match. */
  pattern?: string
  patternMessage?: string
}

export interface NumberFieldSpec extends FieldBase {
  kind: 'number'
  /** Whole numbers only. */
  integer: boolean
  min?: number
  max?: number
  step?: number
}

export interface BooleanFieldSpec extends FieldBase {
  kind: 'boolean'
}

export interface SelectOption {
  value: string
  label: string
}

export interface SelectFieldSpec extends FieldBase {
  kind: 'select'
  options: SelectOption[]
}

export interface SecretFieldSpec extends FieldBase {
  kind: 'secret'
  minLength?: number
  maxLength?: number
}

export type FieldSpec =
  TextFieldSpec | NumberFieldSpec | BooleanFieldSpec | SelectFieldSpec | SecretFieldSpec

/** What a field holds while being edited: input text, or a checkbox state. */
export type FieldInput = string | boolean
/** What a valid field yields: undefined when an optional field was left empty. */
export type FieldOutput = string | number | boolean | undefined

export type FormInput = Record<string, FieldInput>
export type FormOutput = Record<string, FieldOutput>

/** The numeric bounds of a number field in words ("between 1 and 100000", "at least 0"). */
export function describeRange(spec: Pick<NumberFieldSpec, 'min' | 'max'>): string | undefined {
  const { min, max } = spec
  if (min !== undefined && max !== undefined) return `between ${fmt(min)} and ${fmt(max)}`
  if (min !== undefined) return `at least ${fmt(min)}`
  if (max !== undefined) return `at most ${fmt(max)}`
  return undefined
}

function fmt(n: number): string {
  return Number.isSafeInteger(n) || !Number.isInteger(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: 20 })
    : BigInt(n).toLocaleString('en-US')
}
