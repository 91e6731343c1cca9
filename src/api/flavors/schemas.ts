import * as z from 'zod/mini'
import { linkSchema } from '../common/schemas'

/**
 * Trove flavor view: `id` is the Nova id as a number when it is numeric and null when it is not
 * (real Trove 18 sends `"id": null, "str_id": "custom"`); `str_id` is always the id as a string.
 */
export const flavorSchema = z.looseObject({
  id: z.union([z.number().check(z.int()), z.string(), z.null()]),
  str_id: z.optional(z.string()),
  name: z.string(),
  ram: z.number(),
  vcpus: z.optional(z.number()),
  disk: z.optional(z.number()),
  ephemeral: z.optional(z.number()),
  links: z.array(linkSchema),
})
export type Flavor = z.infer<typeof flavorSchema>

export const flavorListSchema = z.object({ flavors: z.array(flavorSchema) })
export const flavorShowSchema = z.object({ flavor: flavorSchema })

/** The id a create/resize request should send for this flavor. */
export function flavorRef(flavor: Pick<Flavor, 'id' | 'str_id'>): string {
  return flavor.str_id ?? String(flavor.id ?? '')
}
