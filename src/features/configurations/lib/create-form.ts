import { z } from 'zod'
import type { FieldSpec, FormInput, FormOutput } from '@/components/schema-form/field-spec'
import { zodFromSpecs } from '@/components/schema-form/zod-from-specs'

/** Trove's non_empty_string: 1..255 characters with a letter or digit. */
const troveName = z
  .string()
  .trim()
  .min(1, { error: 'Enter a name', abort: true })
  .max(255, { error: 'At most 255 characters' })
  .regex(/[0-9a-zA-Z]/, { error: 'Use at least one letter or digit' })

const troveDescription = z
  .string()
  .trim()
  .max(255, { error: 'At most 255 characters' })
  .refine((v) => v === '' || /[0-9a-zA-Z]/.test(v), {
    error: 'Use at least one letter or digit, or leave it empty',
  })

export interface GroupFormInput {
  name: string
  description: string
  values: FormInput
}

/**
 * The group form: hand-written name and description plus the generated `values` object (built
 * from the parameters chosen so far).
 */
export function groupFormSchema(specs: readonly FieldSpec[]) {
  return z.object({
    name: troveName,
    description: troveDescription,
    values: zodFromSpecs(specs),
  })
}
export interface GroupFormOutput {
  name: string
  description: string
  values: FormOutput
}
