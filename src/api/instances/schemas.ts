import * as z from 'zod/mini'
import { HOST_STRING_RE } from '../rules/hosts'
import { HAS_ALNUM_RE } from '../rules/verdict'
import { linkSchema } from '../common/schemas'

/**
 * Public `status` values Trove 18 can report (trove/instance/models.py InstanceStatus, plus
 * UNKNOWN for Nova states it does not map). Parsed leniently: a cloud that sends a value not in
 * this list still renders (as an unknown status), it does not break the page.
 */
export const INSTANCE_STATUSES = [
  'BUILD',
  'ACTIVE',
  'HEALTHY',
  'BLOCKED',
  'FAILED',
  'REBOOT',
  'RESIZE',
  'BACKUP',
  'SHUTDOWN',
  'ERROR',
  'RESTART_REQUIRED',
  'PROMOTE',
  'EJECT',
  'UPGRADE',
  'DETACH',
  'UNKNOWN',
] as const
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number]

/** `operating_status`: the datastore service's api_status, or "" while a task runs. */
export const OPERATING_STATUSES = [
  '',
  'HEALTHY',
  'ACTIVE',
  'BLOCKED',
  'SHUTDOWN',
  'DELETED',
  'FAILED',
  'BUILD',
  'PROMOTE',
  'EJECT',
  'LOGGING',
  'ERROR',
  'NEW',
  'RESTART_REQUIRED',
  'UPGRADING',
  'RESTARTING',
] as const
export type OperatingStatus = (typeof OPERATING_STATUSES)[number]

export const instanceFaultSchema = z.looseObject({
  message: z.string(),
  created: z.optional(z.nullable(z.string())),
  details: z.optional(z.nullable(z.string())),
})

export const instanceAddressSchema = z.looseObject({
  address: z.string(),
  type: z.optional(z.string()),
  network: z.optional(z.string()),
})

export const instanceAccessSchema = z.looseObject({
  is_public: z.optional(z.boolean()),
  allowed_cidrs: z.optional(z.array(z.string())),
})

export const instanceVolumeSchema = z.looseObject({
  size: z.number(),
  used: z.optional(z.number()),
  type: z.optional(z.nullable(z.string())),
})

export const instanceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  operating_status: z.optional(z.string()),
  links: z.optional(z.array(linkSchema)),
  flavor: z.looseObject({
    id: z.union([z.string(), z.number()]),
    links: z.optional(z.array(linkSchema)),
  }),
  datastore: z.looseObject({
    type: z.string(),
    version: z.string(),
    version_number: z.optional(z.string()),
  }),
  region: z.optional(z.string()),
  access: z.optional(instanceAccessSchema),
  volume: z.optional(instanceVolumeSchema),
  ip: z.optional(z.array(z.string())),
  addresses: z.optional(z.array(instanceAddressSchema)),
  hostname: z.optional(z.string()),
  fault: z.optional(instanceFaultSchema),
  configuration: z.optional(
    z.looseObject({
      id: z.string(),
      name: z.optional(z.string()),
      links: z.optional(z.array(linkSchema)),
    }),
  ),
  replica_of: z.optional(z.looseObject({ id: z.string(), links: z.optional(z.array(linkSchema)) })),
  replicas: z.optional(z.array(z.looseObject({ id: z.string() }))),
  locality: z.optional(z.string()),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
  service_status_updated: z.optional(z.string()),
  tenant_id: z.optional(z.string()),
})
export type Instance = z.infer<typeof instanceSchema>

export const instanceListSchema = z.object({
  instances: z.array(instanceSchema),
  links: z.optional(z.array(linkSchema)),
})
export type InstanceList = z.infer<typeof instanceListSchema>
/**
 * A list page's envelope, read before its rows: the SPA asks for the next page as soon as it has
 * the `next` link, and parses the page (`instanceListSchema`) while the cloud works on it.
 */
export const instancePageSchema = z.object({
  instances: z.array(z.unknown()),
  links: z.optional(z.array(linkSchema)),
})
export const instanceShowSchema = z.object({ instance: instanceSchema })

/* ---------------------------------------------------------------- requests */

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
export const uuidString = z.string().check(z.maxLength(64), z.regex(UUID_RE, 'must be a UUID'))
/** Trove's non_empty_string: 1..255 characters with at least one letter or digit. */
export const nonEmptyString = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(255),
    z.regex(HAS_ALNUM_RE, 'must contain a letter or a digit'),
  )

export const volumeSizeSchema = z.union([
  z.number().check(z.int(), z.gte(1)),
  z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^0*[1-9]+[0-9]*$/)),
])

export const databaseDefSchema = z.object({
  name: nonEmptyString,
  character_set: z.optional(nonEmptyString),
  collate: z.optional(nonEmptyString),
})

export const userDefSchema = z.object({
  name: nonEmptyString,
  password: nonEmptyString,
  host: z.optional(z.string().check(z.regex(HOST_STRING_RE))),
  databases: z.optional(z.array(z.object({ name: nonEmptyString }))),
})

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/

export const nicSchema = z.strictObject({
  'net-id': z.optional(uuidString),
  network_id: z.optional(uuidString),
  subnet_id: z.optional(uuidString),
  ip_address: z.optional(z.string().check(z.regex(ipv4, 'must be an IPv4 address'))),
})

export const accessSchema = z.strictObject({
  is_public: z.optional(z.boolean()),
  allowed_cidrs: z.optional(z.array(z.string())),
})

/** `POST /instances` body, after Trove's apischema (additional properties allowed). */
export const createInstanceRequestSchema = z.object({
  instance: z.looseObject({
    name: nonEmptyString,
    configuration: z.optional(z.nullable(uuidString)),
    flavorRef: z.optional(z.union([nonEmptyString, z.number().check(z.int())])),
    volume: z.optional(
      z.object({ size: volumeSizeSchema, type: z.optional(z.nullable(nonEmptyString)) }),
    ),
    databases: z.optional(z.array(databaseDefSchema)),
    users: z.optional(z.array(userDefSchema)),
    restorePoint: z.optional(z.object({ backupRef: uuidString })),
    replica_of: z.optional(uuidString),
    replica_count: z.optional(z.number().check(z.int(), z.gte(1), z.lte(3))),
    availability_zone: z.optional(nonEmptyString),
    datastore: z.optional(
      z.object({
        type: z.optional(nonEmptyString),
        version: z.optional(nonEmptyString),
        version_number: z.optional(nonEmptyString),
      }),
    ),
    nics: z.optional(z.array(nicSchema).check(z.maxLength(1))),
    modules: z.optional(z.array(z.object({ id: uuidString }))),
    region_name: z.optional(nonEmptyString),
    locality: z.optional(nonEmptyString),
    access: z.optional(accessSchema),
  }),
})
export type CreateInstanceRequest = z.infer<typeof createInstanceRequestSchema>

/** `PUT /instances/{id}`: one attribute besides `name`. */
export const updateInstanceRequestSchema = z.object({
  instance: z.strictObject({
    name: z.optional(nonEmptyString),
    replica_of: z.optional(z.nullable(uuidString)),
    configuration: z.optional(z.nullable(uuidString)),
    datastore_version: z.optional(nonEmptyString),
    access: z.optional(accessSchema),
  }),
})
export type UpdateInstanceRequest = z.infer<typeof updateInstanceRequestSchema>

/** `POST /instances/{id}/action` bodies the spine uses. */
export const instanceActionSchema = z.union([
  z.object({ restart: z.object({}) }),
  z.object({
    resize: z.object({ flavorRef: z.union([nonEmptyString, z.number().check(z.int())]) }),
  }),
  z.object({ resize: z.object({ volume: z.object({ size: volumeSizeSchema }) }) }),
  z.object({ reset_status: z.nullable(z.object({})) }),
  z.object({ promote_to_replica_source: z.object({}) }),
  z.object({ eject_replica_source: z.object({}) }),
])
export type InstanceAction = z.infer<typeof instanceActionSchema>
