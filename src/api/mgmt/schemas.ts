import * as z from 'zod/mini'
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
  name: z.optional(z.string()),
  status: z.optional(z.string()),
  tenant_id: z.optional(z.string()),
  host: z.optional(z.nullable(z.string())),
  deleted: z.optional(z.boolean()),
  deleted_at: z.optional(z.nullable(z.string())),
  local_id: z.optional(z.number()),
  addresses: z.optional(z.array(instanceAddressSchema)),
})

/** MgmtInstanceView (list) and MgmtInstanceDetailView (show): the tenant view plus admin fields. */
export const mgmtInstanceSchema = z.extend(instanceSchema, {
  // Real Trove 18 lists deleted instances with `{"type": null, "version": null}`.
  datastore: z.looseObject({
    type: z.nullable(z.string()),
    version: z.nullable(z.string()),
    version_number: z.optional(z.string()),
  }),
  volume: z.optional(
    z.nullable(
      z.looseObject({
        id: z.optional(z.string()),
        size: z.optional(z.number()),
        used: z.optional(z.nullable(z.number())),
        total: z.optional(z.nullable(z.number())),
        status: z.optional(z.string()),
        type: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  tenant_id: z.string(),
  server_id: z.optional(z.nullable(z.string())),
  volume_id: z.optional(z.nullable(z.string())),
  server: z.optional(z.nullable(mgmtServerSchema)),
  service_status: z.optional(z.nullable(z.string())),
  deleted: z.optional(z.boolean()),
  deleted_at: z.optional(z.nullable(z.string())),
  task_description: z.optional(z.nullable(z.string())),
  guest_status: z.optional(z.looseObject({ state_description: z.string() })),
  root_enabled: z.optional(z.string()),
  root_enabled_by: z.optional(z.string()),
})
export type MgmtInstance = z.infer<typeof mgmtInstanceSchema>

/** `links` (rel next) only when the cloud pages the list (`limit`/`marker`; Trove 18 does not). */
export const mgmtInstanceListSchema = z.object({
  instances: z.array(mgmtInstanceSchema),
  links: z.optional(z.array(linkSchema)),
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
  hosts: z.array(z.looseObject({ name: z.string(), instanceCount: z.optional(z.number()) })),
})
export type MgmtHost = z.infer<typeof mgmtHostListSchema>['hosts'][number]

/** The admin actions and their bodies (`POST /mgmt/instances/{id}/action`). */
export const MGMT_ACTIONS = ['stop', 'reboot', 'migrate', 'reset-task-status', 'rebuild'] as const
export type MgmtAction = (typeof MGMT_ACTIONS)[number]

export const mgmtActionArgSchemas = {
  stop: z.looseObject({}),
  reboot: z.looseObject({}),
  migrate: z.looseObject({ host: z.optional(z.nullable(z.string())) }),
  'reset-task-status': z.looseObject({}),
  rebuild: z.strictObject({ image_id: uuidString }),
} as const satisfies Record<MgmtAction, z.ZodMiniType>

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
  image: z.nullable(z.string()),
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
  .check(
    z.minLength(1),
    z.maxLength(20),
    z.regex(/^.*[0-9a-zA-Z]+.*$/, 'must contain a letter or a digit'),
  )

const uniqueItems = <T extends z.ZodMiniType>(s: z.ZodMiniArray<T>) =>
  s.check(
    z.refine((a) => new Set(a.map((x) => JSON.stringify(x))).size === a.length, {
      message: 'has non-unique elements',
    }),
  )

/** mgmt_datastore_version create (additionalProperties false). */
export const versionCreateRequestSchema = z.object({
  version: z.strictObject({
    name: nonEmptyString,
    datastore_name: nonEmptyString,
    datastore_manager: nonEmptyString,
    packages: z.optional(uniqueItems(z.array(packageString))),
    image: z.optional(uuidString),
    image_tags: z.optional(uniqueItems(z.array(imageTag).check(z.maxLength(5)))),
    active: z.boolean(),
    default: z.optional(z.boolean()),
    version: z.optional(nonEmptyString),
  }),
})
export type VersionCreateRequest = z.infer<typeof versionCreateRequestSchema>

/** mgmt_datastore_version edit (PATCH, not wrapped; additionalProperties false). */
export const versionEditRequestSchema = z.strictObject({
  datastore_manager: z.optional(nonEmptyString),
  packages: z.optional(uniqueItems(z.array(packageString))),
  image: z.optional(uuidString),
  image_tags: z.optional(uniqueItems(z.array(imageTag).check(z.maxLength(5)))),
  active: z.optional(z.boolean()),
  default: z.optional(z.boolean()),
  name: z.optional(nonEmptyString),
})
export type VersionEditRequest = z.infer<typeof versionEditRequestSchema>

/* ------------------------------------------------ configuration parameters */

/**
 * A bound as read with `exactIntegers` (client.ts): a JSON number, or the decimal text of an
 * integer too long for one (2^64-1). Read it with `boundText`, never as a number.
 */
const readBoundSchema = z.union([z.number(), z.string().check(z.regex(/^-?\d+(\.\d+)?$/))])

/** MgmtConfigurationParameterView: bounds as `max_size`/`min_size`, omitted when 0 or unset. */
export const mgmtParameterSchema = z.looseObject({
  name: z.string(),
  datastore_version_id: z.string(),
  restart_required: z.boolean(),
  type: z.string(),
  max_size: z.optional(readBoundSchema),
  min_size: z.optional(readBoundSchema),
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
  z.number().check(z.int()),
  z.string().check(z.maxLength(40), z.regex(/^-?\d+(\.\d+)?$/)),
])

/** mgmt_configuration create/update; min_size/max_size are what Trove's code reads. */
export const parameterRequestSchema = z.object({
  'configuration-parameter': z.looseObject({
    name: z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^.*[0-9a-zA-Z]+.*$/)),
    // Trove's pattern is `integer|string`; the embedded cloud also takes boolean and float
    // (console extension, so an edit keeps a seeded parameter's type).
    data_type: z.string().check(z.minLength(1), z.regex(/integer|string|boolean|float/)),
    restart_required: z.number().check(z.int(), z.gte(0), z.lte(1)),
    max: z.optional(z.string().check(z.maxLength(40), z.regex(/[0-9]+/))),
    min: z.optional(z.string().check(z.maxLength(40), z.regex(/[0-9]+/))),
    max_size: z.optional(boundSchema),
    min_size: z.optional(boundSchema),
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
