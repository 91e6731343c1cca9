import { z } from 'zod'

/** A Cinder volume type, as Trove's `GET /datastores/{ds}/versions/{v}/volume-types` lists it. */
export const volumeTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  is_public: z.boolean().optional(),
})
export type VolumeType = z.infer<typeof volumeTypeSchema>

export const volumeTypeListSchema = z.object({ volume_types: z.array(volumeTypeSchema) })
