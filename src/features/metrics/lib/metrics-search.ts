import { z } from 'zod'
import { METRIC_PERIODS } from '@/api/dbaas/schemas'

/** The metrics page's URL: which service, which period. */
export const metricsSearchSchema = z.object({
  service: z.string().optional().catch(undefined),
  period: z.enum(METRIC_PERIODS).default('hour').catch('hour'),
})
export type MetricsSearch = z.infer<typeof metricsSearchSchema>
export const metricsSearchDefaults = { period: 'hour' } as const
