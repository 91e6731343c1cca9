import { z } from 'zod'
import { linkSchema } from '../common/schemas'

export const datastoreVersionRefSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  version: z.string().optional(),
  links: z.array(linkSchema),
  /** Admins only (Trove's DatastoreVersionView): inactive versions are listed to them. */
  active: z.boolean().optional(),
  packages: z.string().nullable().optional(),
  image: z.string().nullable().optional(),
  image_tags: z.array(z.string()).optional(),
})

export const datastoreSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  links: z.array(linkSchema),
  versions: z.array(datastoreVersionRefSchema),
  default_version: z.string().optional(),
})
export type Datastore = z.infer<typeof datastoreSchema>

export const datastoreListSchema = z.object({ datastores: z.array(datastoreSchema) })
export const datastoreShowSchema = z.object({ datastore: datastoreSchema })

export const datastoreVersionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  version: z.string().optional(),
  datastore: z.string(),
  links: z.array(linkSchema),
  active: z.union([z.boolean(), z.number()]).optional(),
  packages: z.string().nullable().optional(),
  image: z.string().nullable().optional(),
  image_tags: z.array(z.string()).optional(),
})
export type DatastoreVersion = z.infer<typeof datastoreVersionSchema>

export const datastoreVersionListSchema = z.object({ versions: z.array(datastoreVersionSchema) })
export const datastoreVersionShowSchema = z.object({ version: datastoreVersionSchema })
