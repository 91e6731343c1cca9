import { z } from 'zod'

/**
 * A Trove module as `GET /modules` lists it (trove/module/views.py `ModuleView`): `datastore` and
 * `datastore_version` are names, or `all` when the module applies to every one.
 */
export const moduleSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: z.string().nullable(),
  tenant_id: z.string().nullable(),
  tenant: z.string(),
  datastore_id: z.string().nullable(),
  datastore_version_id: z.string().nullable(),
  datastore: z.string(),
  datastore_version: z.string(),
  auto_apply: z.boolean(),
  priority_apply: z.boolean(),
  apply_order: z.number(),
  is_admin: z.boolean(),
  md5: z.string(),
  visible: z.boolean(),
  created: z.string(),
  updated: z.string(),
})
export type TroveModule = z.infer<typeof moduleSchema>

export const moduleListSchema = z.object({ modules: z.array(moduleSchema) })

/** `GET /modules/{id}` and the create answer (`DetailedModuleView`: adds live_update). */
export const moduleShowSchema = z.object({
  module: moduleSchema.extend({ live_update: z.boolean() }),
})

/** What Trove calls "all" datastores or versions (`Modules.MATCH_ALL_NAME`). */
export const MODULE_MATCH_ALL = 'all'

/** `POST /modules`: the minimum the console's seeding needs (real Trove takes more flags). */
export const createModuleRequestSchema = z.object({
  module: z.object({
    name: z.string().trim().min(1).max(255),
    module_type: z.string().trim().min(1).max(255),
    contents: z.string().min(1),
    description: z.string().max(255).optional(),
    datastore: z
      .object({ type: z.string().min(1).optional(), version: z.string().min(1).optional() })
      .optional(),
    visible: z.boolean().optional(),
    live_update: z.boolean().optional(),
  }),
})
export type CreateModuleRequest = z.infer<typeof createModuleRequestSchema>

/** Whether a module may be applied to an instance of this datastore and version. */
export function moduleFits(m: TroveModule, datastore: string, version: string): boolean {
  const dsOk = m.datastore === MODULE_MATCH_ALL || m.datastore === datastore
  const vOk = m.datastore_version === MODULE_MATCH_ALL || m.datastore_version === version
  return dsOk && vOk
}
