import { z } from 'zod'

/** The logs page's URL: which service, and the text the lines are filtered by. */
export const logsSearchSchema = z.object({
  service: z.string().optional().catch(undefined),
  q: z.string().optional().catch(undefined),
})
export type LogsSearch = z.infer<typeof logsSearchSchema>
