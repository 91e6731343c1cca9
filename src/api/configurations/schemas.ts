import { z } from 'zod'
import { linkSchema } from '../common/schemas'
import { nonEmptyString } from '../instances/schemas'

/** A configuration value as Trove shows it (converted back by the parameter's type). */
export const configurationValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])
export type ConfigurationValue = z.infer<typeof configurationValueSchema>
export type ConfigurationValues = Record<string, ConfigurationValue>

/** List view (`GET /configurations`). */
export const configurationSummarySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  datastore_version_id: z.string(),
  datastore_name: z.string().optional(),
  datastore_version_name: z.string().optional(),
  datastore_version_number: z.string().optional(),
})
export type ConfigurationSummary = z.infer<typeof configurationSummarySchema>

/** Show and create view: the list fields plus values, instance_count, version number. */
export const configurationSchema = configurationSummarySchema.extend({
  values: z.record(z.string(), configurationValueSchema),
  instance_count: z.number().optional(),
})
export type Configuration = z.infer<typeof configurationSchema>

export const configurationListSchema = z.object({
  configurations: z.array(configurationSummarySchema),
  links: z.array(linkSchema).optional(),
})
export const configurationShowSchema = z.object({ configuration: configurationSchema })

/** `GET /configurations/{id}/instances` */
export const configurationInstancesSchema = z.object({
  instances: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  links: z.array(linkSchema).optional(),
})

/** `GET /instances/{id}/configuration`: the datastore's rendered defaults for the flavor. */
export const instanceConfigurationSchema = z.object({
  instance: z.object({ configuration: z.record(z.string(), configurationValueSchema) }),
})

/* ---------------------------------------------------------------- requests */

const datastoreRefSchema = z.looseObject({
  type: nonEmptyString.optional(),
  version: nonEmptyString.optional(),
  version_number: nonEmptyString.optional(),
})

/** `POST /configurations` (Trove's apischema: required values and name). */
export const createConfigurationRequestSchema = z.object({
  configuration: z.looseObject({
    values: z.looseObject({}),
    name: nonEmptyString,
    description: nonEmptyString.optional(),
    datastore: datastoreRefSchema.optional(),
  }),
})
export type CreateConfigurationRequest = z.infer<typeof createConfigurationRequestSchema>

/** `PUT /configurations/{id}`: replaces the values; may rename and re-describe. */
export const updateConfigurationRequestSchema = z.object({
  configuration: z.looseObject({
    values: z.looseObject({}),
    name: nonEmptyString.optional(),
    description: nonEmptyString.optional(),
  }),
})
export type UpdateConfigurationRequest = z.infer<typeof updateConfigurationRequestSchema>

/** `PATCH /configurations/{id}`: merges the values. */
export const editConfigurationRequestSchema = z.object({
  configuration: z.looseObject({ values: z.looseObject({}) }),
})
export type EditConfigurationRequest = z.infer<typeof editConfigurationRequestSchema>
