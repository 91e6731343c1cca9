import { z } from 'zod'
import { linkSchema } from '../common/schemas'

/**
 * Trove flavor view: `id` is the Nova id as a number when it is numeric and null when it is not
 * (real Trove 18 sends `"id": null, "str_id": "custom"`); `str_id` is always the id as a string.
 */
export const flavorSchema = z.looseObject({
  id: z.union([z.number().int(), z.string(), z.null()]),
  str_id: z.string().optional(),
  name: z.string(),
  ram: z.number(),
  vcpus: z.number().optional(),
  disk: z.number().optional(),
  ephemeral: z.number().optional(),
  links: z.array(linkSchema),
})
export type Flavor = z.infer<typeof flavorSchema>

export const flavorListSchema = z.object({ flavors: z.array(flavorSchema) })
export const flavorShowSchema = z.object({ flavor: flavorSchema })

/** The id a create/resize request should send for this flavor. */
export function flavorRef(flavor: Pick<Flavor, 'id' | 'str_id'>): string {
  return flavor.str_id ?? String(flavor.id ?? '')
}
