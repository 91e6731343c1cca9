import { z } from 'zod'

export const LOG_ORDERS = ['desc', 'asc'] as const
export type LogOrder = (typeof LOG_ORDERS)[number]

/**
 * The logs page's URL: which service, the text the server searches the whole log for (`q`), and
 * the order lines are shown in (`order`: newest first unless `asc`).
 */
export const logsSearchSchema = z.object({
  service: z.string().optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  order: z.enum(LOG_ORDERS).optional().catch(undefined),
})
export type LogsSearch = z.infer<typeof logsSearchSchema>
