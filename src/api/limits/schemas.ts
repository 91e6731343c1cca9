import * as z from 'zod/mini'

/** `GET /limits` (Trove §5.3): the ABSOLUTE quotas entry, then one entry per rate limit. */
export const absoluteLimitsSchema = z.looseObject({
  verb: z.literal('ABSOLUTE'),
  max_instances: z.optional(z.number()),
  max_ram: z.optional(z.number()),
  max_backups: z.optional(z.number()),
  max_volumes: z.optional(z.number()),
})
export type AbsoluteLimits = z.infer<typeof absoluteLimitsSchema>

export const rateLimitSchema = z.looseObject({
  verb: z.string(),
  nextAvailable: z.optional(z.string()),
  remaining: z.optional(z.number()),
  unit: z.optional(z.string()),
  value: z.optional(z.number()),
  uri: z.optional(z.string()),
  regex: z.optional(z.string()),
})
export type RateLimit = z.infer<typeof rateLimitSchema>

export const limitsResponseSchema = z.object({
  limits: z.array(z.union([absoluteLimitsSchema, rateLimitSchema])),
})

export interface Limits {
  absolute: AbsoluteLimits | undefined
  rates: RateLimit[]
}

/** Splits the list into the ABSOLUTE entry and the rate limits. */
export function splitLimits(list: z.infer<typeof limitsResponseSchema>['limits']): Limits {
  let absolute: AbsoluteLimits | undefined
  const rates: RateLimit[] = []
  for (const l of list) {
    if (l.verb === 'ABSOLUTE') absolute = absoluteLimitsSchema.parse(l)
    else rates.push(l)
  }
  return { absolute, rates }
}
