import { z } from 'zod'
import type { MgmtParameter } from '@/api/mgmt/schemas'
import type { ParameterInput } from '@/api/mgmt/mutations'

const INT = /^-?\d+$/

/** The parameter form: type integer needs min and max (whole numbers, min ≤ max). */
export const parameterFormSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the parameter name.')
      .max(128, 'At most 128 characters.')
      .refine((v) => /[0-9a-zA-Z]/.test(v), 'It must contain a letter or a digit.'),
    dataType: z.enum(['integer', 'string']),
    restartRequired: z.boolean(),
    min: z.string().trim(),
    max: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.dataType !== 'integer') return
    for (const key of ['min', 'max'] as const) {
      const text = v[key]
      if (text === '')
        ctx.addIssue({ code: 'custom', path: [key], message: 'Required for an integer parameter.' })
      else if (!INT.test(text) || text.replace('-', '').length > 40)
        ctx.addIssue({ code: 'custom', path: [key], message: 'Enter a whole number.' })
    }
    if (INT.test(v.min) && INT.test(v.max) && BigInt(v.max) < BigInt(v.min)) {
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
}

/** The form for an existing parameter (Trove omits a 0 bound, so it reads back as 0). */
export function parameterToForm(p: MgmtParameter): ParameterForm {
  const integer = p.type === 'integer'
  return {
    name: p.name,
    dataType: integer ? 'integer' : 'string',
    restartRequired: p.restart_required,
    min: integer ? String(p.min_size ?? 0) : '',
    max: integer ? String(p.max_size ?? 0) : '',
  }
}

export function toParameterInput(f: ParameterForm): ParameterInput {
  return {
    name: f.name.trim(),
    dataType: f.dataType,
    restartRequired: f.restartRequired,
    ...(f.dataType === 'integer' ? { min: f.min, max: f.max } : {}),
  }
}
