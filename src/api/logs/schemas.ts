import { z } from 'zod'

/**
 * Trove guest logs (`GET/POST /instances/{id}/log`). Sizes are strings in Trove's samples and
 * numbers from some guests: both are read as numbers. `container`/`prefix` are the text "None"
 * until something is published.
 */
const size = z.union([z.number(), z.string()]).transform((v) => {
  const n = Number(v)
  return Number.isFinite(n) ? n : 0
})

export const LOG_STATUSES = [
  'Disabled',
  'Enabled',
  'Unavailable',
  'Ready',
  'Published',
  'Partial',
  'Rotated',
  'Restart Required',
] as const

export const guestLogSchema = z.looseObject({
  name: z.string(),
  type: z.string(),
  status: z.string(),
  published: size,
  pending: size,
  container: z.string().nullable().optional(),
  prefix: z.string().nullable().optional(),
  metafile: z.string().nullable().optional(),
})
export type GuestLog = z.infer<typeof guestLogSchema>

export const guestLogListSchema = z.object({ logs: z.array(guestLogSchema) })
export const guestLogShowSchema = z.object({ log: guestLogSchema })

export type GuestLogAction = 'enable' | 'disable' | 'publish' | 'discard'

/** `POST /instances/{id}/log`: the name and at most one action flag set to 1. */
export const guestLogActionRequestSchema = z.object({
  name: z.string().min(1),
  enable: z.literal(1).optional(),
  disable: z.literal(1).optional(),
  publish: z.literal(1).optional(),
  discard: z.literal(1).optional(),
})
export type GuestLogActionRequest = z.infer<typeof guestLogActionRequestSchema>

/** The embedded cloud's extension: the published text (`GET .../log/{name}/contents`). */
export const guestLogContentsSchema = z.object({
  log_contents: z.looseObject({
    name: z.string(),
    text: z.string(),
    published: size.optional(),
    container: z.string().nullable().optional(),
    prefix: z.string().nullable().optional(),
  }),
})
export type GuestLogContents = z.infer<typeof guestLogContentsSchema>['log_contents']
