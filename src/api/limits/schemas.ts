import { z } from 'zod'

/** `GET /limits` (Trove §5.3): the ABSOLUTE quotas entry, then one entry per rate limit. */
export const absoluteLimitsSchema = z.looseObject({
  verb: z.literal('ABSOLUTE'),
  max_instances: z.number().optional(),
  max_ram: z.number().optional(),
  max_backups: z.number().optional(),
  max_volumes: z.number().optional(),
})
export type AbsoluteLimits = z.infer<typeof absoluteLimitsSchema>

export const rateLimitSchema = z.looseObject({
  verb: z.string(),
  nextAvailable: z.string().optional(),
  remaining: z.number().optional(),
  unit: z.string().optional(),
  value: z.number().optional(),
  uri: z.string().optional(),
  regex: z.string().optional(),
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
