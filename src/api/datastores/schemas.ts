import * as z from 'zod/mini'
import { linkSchema } from '../common/schemas'

export const datastoreVersionRefSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  version: z.optional(z.string()),
  links: z.array(linkSchema),
  /** Admins only (Trove's DatastoreVersionView): inactive versions are listed to them. */
  active: z.optional(z.boolean()),
  packages: z.optional(z.nullable(z.string())),
  image: z.optional(z.nullable(z.string())),
  image_tags: z.optional(z.array(z.string())),
})

export const datastoreSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  links: z.array(linkSchema),
  versions: z.array(datastoreVersionRefSchema),
  default_version: z.optional(z.string()),
})
export type Datastore = z.infer<typeof datastoreSchema>

export const datastoreListSchema = z.object({ datastores: z.array(datastoreSchema) })
export const datastoreShowSchema = z.object({ datastore: datastoreSchema })

export const datastoreVersionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  version: z.optional(z.string()),
  datastore: z.string(),
  links: z.array(linkSchema),
  active: z.optional(z.union([z.boolean(), z.number()])),
  packages: z.optional(z.nullable(z.string())),
  image: z.optional(z.nullable(z.string())),
  image_tags: z.optional(z.array(z.string())),
})
export type DatastoreVersion = z.infer<typeof datastoreVersionSchema>

export const datastoreVersionListSchema = z.object({ versions: z.array(datastoreVersionSchema) })
export const datastoreVersionShowSchema = z.object({ version: datastoreVersionSchema })
