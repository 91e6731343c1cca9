import * as z from 'zod/mini'
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
  description: z.optional(z.nullable(z.string())),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
  datastore_version_id: z.string(),
  datastore_name: z.optional(z.string()),
  datastore_version_name: z.optional(z.string()),
  datastore_version_number: z.optional(z.string()),
})
export type ConfigurationSummary = z.infer<typeof configurationSummarySchema>

/** Show and create view: the list fields plus values, instance_count, version number. */
export const configurationSchema = z.extend(configurationSummarySchema, {
  values: z.record(z.string(), configurationValueSchema),
  instance_count: z.optional(z.number()),
})
export type Configuration = z.infer<typeof configurationSchema>

export const configurationListSchema = z.object({
  configurations: z.array(configurationSummarySchema),
  links: z.optional(z.array(linkSchema)),
})
export const configurationShowSchema = z.object({ configuration: configurationSchema })

/** `GET /configurations/{id}/instances` */
export const configurationInstancesSchema = z.object({
  instances: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  links: z.optional(z.array(linkSchema)),
})

/** `GET /instances/{id}/configuration`: the datastore's rendered defaults for the flavor. */
export const instanceConfigurationSchema = z.object({
  instance: z.object({ configuration: z.record(z.string(), configurationValueSchema) }),
})

/* ---------------------------------------------------------------- requests */

const datastoreRefSchema = z.looseObject({
  type: z.optional(nonEmptyString),
  version: z.optional(nonEmptyString),
  version_number: z.optional(nonEmptyString),
})

/** `POST /configurations` (Trove's apischema: required values and name). */
export const createConfigurationRequestSchema = z.object({
  configuration: z.looseObject({
    values: z.looseObject({}),
    name: nonEmptyString,
    description: z.optional(nonEmptyString),
    datastore: z.optional(datastoreRefSchema),
  }),
})
export type CreateConfigurationRequest = z.infer<typeof createConfigurationRequestSchema>

/** `PUT /configurations/{id}`: replaces the values; may rename and re-describe. */
export const updateConfigurationRequestSchema = z.object({
  configuration: z.looseObject({
    values: z.looseObject({}),
    name: z.optional(nonEmptyString),
    description: z.optional(nonEmptyString),
  }),
})
export type UpdateConfigurationRequest = z.infer<typeof updateConfigurationRequestSchema>

/** `PATCH /configurations/{id}`: merges the values. */
export const editConfigurationRequestSchema = z.object({
  configuration: z.looseObject({ values: z.looseObject({}) }),
})
export type EditConfigurationRequest = z.infer<typeof editConfigurationRequestSchema>
