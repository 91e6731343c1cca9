import { z } from 'zod'
import type { QuotaUsage } from '@/api/mgmt/schemas'

const INT = /^-?\d+$/

const limitField = z
  .string()
  .trim()
  .min(1, 'Enter a limit (-1 for unlimited).')
  .regex(INT, 'Enter a whole number (-1 for unlimited).')
  .refine((v) => !INT.test(v) || Number(v) >= -1, 'The limit must be at least -1 (unlimited).')
  .refine((v) => !INT.test(v) || Number.isSafeInteger(Number(v)), 'The limit is too large.')

/** One limit per resource, as text fields (validated like Trove's QuotaLimitTooSmall). */
export const quotaFormSchema = z.object({ limits: z.record(z.string(), limitField) })
export type QuotaForm = z.infer<typeof quotaFormSchema>

export function quotaDefaults(rows: readonly QuotaUsage[]): QuotaForm {
  return { limits: Object.fromEntries(rows.map((r) => [r.resource, String(r.limit)])) }
}

/** Only the limits that changed, as the PUT body's `quotas`. */
export function changedQuotas(rows: readonly QuotaUsage[], f: QuotaForm): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of rows) {
    const text = f.limits[r.resource]
    if (text !== undefined && Number(text) !== r.limit) out[r.resource] = Number(text)
  }
  return out
}

export interface QuotaBelowUsage {
  resource: string
  limit: number
  inUse: number
}

/** The new limits below what the project already uses (unlimited, -1, never is). */
export function quotasBelowUsage(
  rows: readonly QuotaUsage[],
  quotas: Record<string, number>,
): QuotaBelowUsage[] {
  return rows.flatMap((r) => {
    const limit = quotas[r.resource]
    return limit !== undefined && limit >= 0 && limit < r.in_use
      ? [{ resource: r.resource, limit, inUse: r.in_use }]
      : []
  })
}
