import { z } from 'zod'
import { linkSchema } from '../common/schemas'
import {
  instanceAddressSchema,
  instanceSchema,
  nonEmptyString,
  uuidString,
} from '../instances/schemas'

/**
 * The wire contract of Trove's admin API (`/mgmt/...`), shared by the console and the embedded
 * cloud. Shapes follow Trove 18 as recorded on the reference cloud (trove/extensions/mgmt/*).
 */

/* ---------------------------------------------------------------- instances */

export const mgmtServerSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  tenant_id: z.string().optional(),
  host: z.string().nullable().optional(),
  deleted: z.boolean().optional(),
  deleted_at: z.string().nullable().optional(),
  local_id: z.number().optional(),
  addresses: z.array(instanceAddressSchema).optional(),
})

/** MgmtInstanceView (list) and MgmtInstanceDetailView (show): the tenant view plus admin fields. */
export const mgmtInstanceSchema = instanceSchema.extend({
  // Real Trove 18 lists deleted instances with `{"type": null, "version": null}`.
  datastore: z.looseObject({
    type: z.string().nullable(),
    version: z.string().nullable(),
    version_number: z.string().optional(),
  }),
  volume: z
    .looseObject({
      id: z.string().optional(),
      size: z.number().optional(),
      used: z.number().nullable().optional(),
      total: z.number().nullable().optional(),
      status: z.string().optional(),
      type: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  tenant_id: z.string(),
  server_id: z.string().nullable().optional(),
  volume_id: z.string().nullable().optional(),
  server: mgmtServerSchema.nullable().optional(),
  service_status: z.string().nullable().optional(),
  deleted: z.boolean().optional(),
  deleted_at: z.string().nullable().optional(),
  task_description: z.string().nullable().optional(),
  guest_status: z.looseObject({ state_description: z.string() }).optional(),
  root_enabled: z.string().optional(),
  root_enabled_by: z.string().optional(),
})
export type MgmtInstance = z.infer<typeof mgmtInstanceSchema>

/** `links` (rel next) only when the cloud pages the list (`limit`/`marker`; Trove 18 does not). */
export const mgmtInstanceListSchema = z.object({
  instances: z.array(mgmtInstanceSchema),
  links: z.array(linkSchema).optional(),
})
export const mgmtInstanceShowSchema = z.object({ instance: mgmtInstanceSchema })

/** `GET /mgmt/instances/{id}/root`: "Never"/"Nobody" when root was never enabled. */
export const rootHistorySchema = z.object({
  root_history: z.looseObject({ id: z.string(), enabled: z.string(), user: z.string() }),
})
export type RootHistory = z.infer<typeof rootHistorySchema>['root_history']

/**
 * `GET /mgmt/hosts`: the compute hosts and how many instances each runs (Trove's hosts
 * extension, `{"hosts": [{"name", "instanceCount"}]}`; removed from Trove before 18, so a real
 * cloud may answer 404 and the console falls back to the hosts its instances report).
 */
export const mgmtHostListSchema = z.object({
  hosts: z.array(z.looseObject({ name: z.string(), instanceCount: z.number().optional() })),
})
export type MgmtHost = z.infer<typeof mgmtHostListSchema>['hosts'][number]

/** The admin actions and their bodies (`POST /mgmt/instances/{id}/action`). */
export const MGMT_ACTIONS = ['stop', 'reboot', 'migrate', 'reset-task-status', 'rebuild'] as const
export type MgmtAction = (typeof MGMT_ACTIONS)[number]

export const mgmtActionArgSchemas = {
  stop: z.looseObject({}),
  reboot: z.looseObject({}),
  migrate: z.looseObject({ host: z.string().nullable().optional() }),
  'reset-task-status': z.looseObject({}),
  rebuild: z.strictObject({ image_id: uuidString }),
} as const satisfies Record<MgmtAction, z.ZodType>

export type MgmtActionBody =
  | { stop: Record<string, never> }
  | { reboot: Record<string, never> }
  | { migrate: { host?: string } }
  | { 'reset-task-status': Record<string, never> }
  | { rebuild: { image_id: string } }

/* ------------------------------------------------------- datastore versions */

export const mgmtVersionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  datastore_id: z.string(),
  datastore_name: z.string(),
  datastore_manager: z.string(),
  image: z.string().nullable(),
  image_tags: z.array(z.string()),
  packages: z.array(z.string()),
  active: z.boolean(),
  default: z.boolean(),
})
export type MgmtVersion = z.infer<typeof mgmtVersionSchema>
export const mgmtVersionListSchema = z.object({ versions: z.array(mgmtVersionSchema) })
export const mgmtVersionShowSchema = z.object({ version: mgmtVersionSchema })

const packageString = nonEmptyString
const imageTag = z
  .string()
  .min(1)
  .max(20)
  .regex(/^.*[0-9a-zA-Z]+.*$/, 'must contain a letter or a digit')

const uniqueItems = <T extends z.ZodType>(s: z.ZodArray<T>) =>
  s.refine((a) => new Set(a.map((x) => JSON.stringify(x))).size === a.length, {
    message: 'has non-unique elements',
  })

/** mgmt_datastore_version create (additionalProperties false). */
export const versionCreateRequestSchema = z.object({
  version: z.strictObject({
    name: nonEmptyString,
    datastore_name: nonEmptyString,
    datastore_manager: nonEmptyString,
    packages: uniqueItems(z.array(packageString)).optional(),
    image: uuidString.optional(),
    image_tags: uniqueItems(z.array(imageTag).max(5)).optional(),
    active: z.boolean(),
    default: z.boolean().optional(),
    version: nonEmptyString.optional(),
  }),
})
export type VersionCreateRequest = z.infer<typeof versionCreateRequestSchema>

/** mgmt_datastore_version edit (PATCH, not wrapped; additionalProperties false). */
export const versionEditRequestSchema = z.strictObject({
  datastore_manager: nonEmptyString.optional(),
  packages: uniqueItems(z.array(packageString)).optional(),
  image: uuidString.optional(),
  image_tags: uniqueItems(z.array(imageTag).max(5)).optional(),
  active: z.boolean().optional(),
  default: z.boolean().optional(),
  name: nonEmptyString.optional(),
})
export type VersionEditRequest = z.infer<typeof versionEditRequestSchema>

/* ------------------------------------------------ configuration parameters */

/**
 * A bound as read with `exactIntegers` (client.ts): a JSON number, or the decimal text of an
 * integer too long for one (2^64-1). Read it with `boundText`, never as a number.
 */
const readBoundSchema = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])

/** MgmtConfigurationParameterView: bounds as `max_size`/`min_size`, omitted when 0 or unset. */
export const mgmtParameterSchema = z.looseObject({
  name: z.string(),
  datastore_version_id: z.string(),
  restart_required: z.boolean(),
  type: z.string(),
  max_size: readBoundSchema.optional(),
  min_size: readBoundSchema.optional(),
})
export type MgmtParameter = z.infer<typeof mgmtParameterSchema>
export const mgmtParameterListSchema = z.object({
  'configuration-parameters': z.array(mgmtParameterSchema),
})

/** The data types a parameter can have: Trove's four (its mgmt API creates only the first two). */
export const PARAMETER_DATA_TYPES = ['integer', 'string', 'boolean', 'float'] as const
export type ParameterDataType = (typeof PARAMETER_DATA_TYPES)[number]

/**
 * A bound on the wire: Trove's digit strings (≤ 40 characters, so 2^64-1 stays exact), or a JSON
 * integer; a decimal string for a float parameter (console extension).
 */
const boundSchema = z.union([
  z.number().int(),
  z
    .string()
    .max(40)
    .regex(/^-?\d+(\.\d+)?$/),
])

/** mgmt_configuration create/update; min_size/max_size are what Trove's code reads. */
export const parameterRequestSchema = z.object({
  'configuration-parameter': z.looseObject({
    name: z
      .string()
      .min(1)
      .max(128)
      .regex(/^.*[0-9a-zA-Z]+.*$/),
    // Trove's pattern is `integer|string`; the embedded cloud also takes boolean and float
    // (console extension, so an edit keeps a seeded parameter's type).
    data_type: z
      .string()
      .min(1)
      .regex(/integer|string|boolean|float/),
    restart_required: z.number().int().min(0).max(1),
    max: z
      .string()
      .max(40)
      .regex(/[0-9]+/)
      .optional(),
    min: z
      .string()
      .max(40)
      .regex(/[0-9]+/)
      .optional(),
    max_size: boundSchema.optional(),
    min_size: boundSchema.optional(),
  }),
})
export type ParameterRequest = z.infer<typeof parameterRequestSchema>

/* ------------------------------------------------------------------- quotas */

export const QUOTA_RESOURCE_NAMES = ['instances', 'ram', 'backups', 'volumes'] as const
export type QuotaResourceName = (typeof QUOTA_RESOURCE_NAMES)[number]

export const quotaUsageSchema = z.looseObject({
  resource: z.string(),
  in_use: z.number(),
  reserved: z.number(),
  limit: z.number(),
})
export type QuotaUsage = z.infer<typeof quotaUsageSchema>
export const quotaShowSchema = z.object({ quotas: z.array(quotaUsageSchema) })
export const quotaUpdateResponseSchema = z.object({ quotas: z.record(z.string(), z.number()) })
