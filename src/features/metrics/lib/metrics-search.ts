import * as z from 'zod/mini'
import { METRIC_PERIODS } from '@/api/rules/metric-periods'

/** The metrics page's URL: which service, which period. */
export const metricsSearchSchema = z.object({
  service: z.catch(z.optional(z.string()), undefined),
  period: z.catch(z._default(z.enum(METRIC_PERIODS), 'hour'), 'hour'),
})
export type MetricsSearch = z.infer<typeof metricsSearchSchema>
export const metricsSearchDefaults = { period: 'hour' } as const
