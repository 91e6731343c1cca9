import { z } from 'zod'

/** `GET /instances/{id}/root`. */
export const rootStatusSchema = z.object({ rootEnabled: z.boolean() })
export type RootStatus = z.infer<typeof rootStatusSchema>

/** `POST /instances/{id}/root`: the password is in this answer and nowhere else, ever. */
export const rootEnabledSchema = z.object({
  user: z.looseObject({ name: z.string(), password: z.string() }),
})
export type RootEnabled = z.infer<typeof rootEnabledSchema>

/** The optional body of `POST /instances/{id}/root`. */
export const enableRootRequestSchema = z.looseObject({ password: z.string().optional() })
export type EnableRootRequest = z.infer<typeof enableRootRequestSchema>
