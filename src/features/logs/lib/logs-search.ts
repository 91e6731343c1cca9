import * as z from 'zod/mini'

export const LOG_ORDERS = ['desc', 'asc'] as const
export type LogOrder = (typeof LOG_ORDERS)[number]

/**
 * The logs page's URL: which service, the text the server searches the whole log for (`q`), and
 * the order lines are shown in (`order`: newest first unless `asc`).
 */
export const logsSearchSchema = z.object({
  service: z.catch(z.optional(z.string()), undefined),
  q: z.catch(z.optional(z.string().check(z.maxLength(200))), undefined),
  order: z.catch(z.optional(z.enum(LOG_ORDERS)), undefined),
})
export type LogsSearch = z.infer<typeof logsSearchSchema>
