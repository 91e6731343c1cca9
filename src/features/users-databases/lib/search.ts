import { z } from 'zod'

/** The /users-databases page's URL: which instance is being managed. */
export const usersDatabasesSearchSchema = z.object({
  instance: z.string().min(1).optional().catch(undefined),
})
