import * as z from 'zod/mini'

/**
 * Datastore-version configuration parameters (`GET /datastores/{ds}/versions/{v}/parameters`,
 * `GET /datastores/versions/{id}/parameters`). Trove sends `min`/`max` only when they are truthy
 * (a 0 minimum is left out) and has no `dynamic` field: `restart_required` is what matters.
 */
export const PARAMETER_TYPES = ['integer', 'float', 'boolean', 'string'] as const
export type ParameterType = (typeof PARAMETER_TYPES)[number]

export const parameterSchema = z.looseObject({
  name: z.string(),
  datastore_version_id: z.optional(z.string()),
  restart_required: z.boolean(),
  /** integer | float | boolean | string; other datastores use more (Cassandra's list). */
  type: z.string(),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
})
export type Parameter = z.infer<typeof parameterSchema>

export const parameterListSchema = z.object({
  'configuration-parameters': z.array(parameterSchema),
})
export const parameterShowSchema = parameterSchema
