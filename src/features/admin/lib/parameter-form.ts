import { z } from 'zod'
import { PARAMETER_DATA_TYPES, type MgmtParameter } from '@/api/mgmt/schemas'
import type { ParameterInput } from '@/api/mgmt/mutations'
import {
  boundProblem,
  compareDecimalText,
  DECIMAL_BOUND,
  hasBounds,
  INTEGER_BOUND,
} from '@/api/rules/parameter-bounds'
import { parameterBound } from './version-list'

/**
 * The parameter form. Bounds stay decimal text from the input to the request body (no JavaScript
 * number, so 2^64-1 is exact): whole numbers for an integer parameter, decimals for a float one.
 * An integer needs a minimum; "no maximum" is its own state, not an empty or 0 maximum.
 */
export const parameterFormSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the parameter name.')
      .max(128, 'At most 128 characters.')
      .refine((v) => /[0-9a-zA-Z]/.test(v), 'It must contain a letter or a digit.'),
    dataType: z.enum(PARAMETER_DATA_TYPES),
    restartRequired: z.boolean(),
    min: z.string().trim(),
    max: z.string().trim(),
    noMax: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (!hasBounds(v.dataType)) return
    const integer = v.dataType === 'integer'
    const keys = v.noMax ? (['min'] as const) : (['min', 'max'] as const)
    for (const key of keys) {
      const text = v[key]
      if (text === '') {
        if (integer || key === 'max')
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message:
              key === 'max'
                ? 'Enter the maximum, or tick "No maximum".'
                : 'Required for an integer parameter.',
          })
        continue
      }
      const problem = boundProblem(v.dataType, text)
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem })
    }
    const pattern = integer ? INTEGER_BOUND : DECIMAL_BOUND
    if (
      !v.noMax &&
      pattern.test(v.min) &&
      pattern.test(v.max) &&
      compareDecimalText(v.max, v.min) < 0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'The maximum must be greater than or equal to the minimum.',
      })
    }
  })
export type ParameterForm = z.infer<typeof parameterFormSchema>

export const parameterDefaults: ParameterForm = {
  name: '',
  dataType: 'integer',
  restartRequired: false,
  min: '',
  max: '',
  noMax: false,
}

/** The form for an existing parameter: its type as stored, bounds as exact text. */
export function parameterToForm(p: MgmtParameter): ParameterForm {
  const type = (PARAMETER_DATA_TYPES as readonly string[]).includes(p.type)
    ? (p.type as ParameterForm['dataType'])
    : 'string'
  const max = parameterBound(p, 'max')
  return {
    name: p.name,
    dataType: type,
    restartRequired: p.restart_required,
    min: parameterBound(p, 'min') ?? '',
    max: max ?? '',
    noMax: hasBounds(type) && max === undefined,
  }
}

export function toParameterInput(f: ParameterForm): ParameterInput {
  const bounds = hasBounds(f.dataType)
  return {
    name: f.name.trim(),
    dataType: f.dataType,
    restartRequired: f.restartRequired,
    ...(bounds && f.min !== '' ? { min: f.min } : {}),
    ...(bounds && !f.noMax && f.max !== '' ? { max: f.max } : {}),
  }
}
