import { z } from 'zod'
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
  created: z.string().nullable().optional(),
  details: z.string().nullable().optional(),
})

export const instanceAddressSchema = z.looseObject({
  address: z.string(),
  type: z.string().optional(),
  network: z.string().optional(),
})

export const instanceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  operating_status: z.string().optional(),
  links: z.array(linkSchema).optional(),
  flavor: z.looseObject({
    id: z.union([z.string(), z.number()]),
    links: z.array(linkSchema).optional(),
  }),
  datastore: z.looseObject({
    type: z.string(),
    version: z.string(),
    version_number: z.string().optional(),
  }),
  region: z.string().optional(),
  access: z
    .looseObject({
      is_public: z.boolean().optional(),
      allowed_cidrs: z.array(z.string()).optional(),
    })
    .optional(),
  volume: z
    .looseObject({
      size: z.number(),
      used: z.number().optional(),
      type: z.string().nullable().optional(),
    })
    .optional(),
  ip: z.array(z.string()).optional(),
  addresses: z.array(instanceAddressSchema).optional(),
  hostname: z.string().optional(),
  fault: instanceFaultSchema.optional(),
  configuration: z
    .looseObject({
      id: z.string(),
      name: z.string().optional(),
      links: z.array(linkSchema).optional(),
    })
    .optional(),
  replica_of: z.looseObject({ id: z.string(), links: z.array(linkSchema).optional() }).optional(),
  replicas: z.array(z.looseObject({ id: z.string() })).optional(),
  locality: z.string().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  service_status_updated: z.string().optional(),
  tenant_id: z.string().optional(),
})
export type Instance = z.infer<typeof instanceSchema>

export const instanceListSchema = z.object({
  instances: z.array(instanceSchema),
  links: z.array(linkSchema).optional(),
})
export type InstanceList = z.infer<typeof instanceListSchema>
/**
 * A list page's envelope, read before its rows: the SPA asks for the next page as soon as it has
 * the `next` link, and parses the page (`instanceListSchema`) while the cloud works on it.
 */
export const instancePageSchema = z.object({
  instances: z.array(z.unknown()),
  links: z.array(linkSchema).optional(),
})
export const instanceShowSchema = z.object({ instance: instanceSchema })

/* ---------------------------------------------------------------- requests */

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
export const uuidString = z.string().max(64).regex(UUID_RE, 'must be a UUID')
/** Trove's non_empty_string: 1..255 characters with at least one letter or digit. */
export const nonEmptyString = z
  .string()
  .min(1)
  .max(255)
  .regex(HAS_ALNUM_RE, 'must contain a letter or a digit')

export const volumeSizeSchema = z.union([
  z.number().int().min(1),
  z
    .string()
    .min(1)
    .max(40)
    .regex(/^0*[1-9]+[0-9]*$/),
])

export const databaseDefSchema = z.object({
  name: nonEmptyString,
  character_set: nonEmptyString.optional(),
  collate: nonEmptyString.optional(),
})

export const userDefSchema = z.object({
  name: nonEmptyString,
  password: nonEmptyString,
  host: z.string().regex(HOST_STRING_RE).optional(),
  databases: z.array(z.object({ name: nonEmptyString })).optional(),
})

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/

export const nicSchema = z.strictObject({
  'net-id': uuidString.optional(),
  network_id: uuidString.optional(),
  subnet_id: uuidString.optional(),
  ip_address: z.string().regex(ipv4, 'must be an IPv4 address').optional(),
})

export const accessSchema = z.strictObject({
  is_public: z.boolean().optional(),
  allowed_cidrs: z.array(z.string()).optional(),
})

/** `POST /instances` body, after Trove's apischema (additional properties allowed). */
export const createInstanceRequestSchema = z.object({
  instance: z.looseObject({
    name: nonEmptyString,
    configuration: uuidString.nullable().optional(),
    flavorRef: z.union([nonEmptyString, z.number().int()]).optional(),
    volume: z
      .object({ size: volumeSizeSchema, type: nonEmptyString.nullable().optional() })
      .optional(),
    databases: z.array(databaseDefSchema).optional(),
    users: z.array(userDefSchema).optional(),
    restorePoint: z.object({ backupRef: uuidString }).optional(),
    replica_of: uuidString.optional(),
    replica_count: z.number().int().min(1).max(3).optional(),
    availability_zone: nonEmptyString.optional(),
    datastore: z
      .object({
        type: nonEmptyString.optional(),
        version: nonEmptyString.optional(),
        version_number: nonEmptyString.optional(),
      })
      .optional(),
    nics: z.array(nicSchema).max(1).optional(),
    modules: z.array(z.object({ id: uuidString })).optional(),
    region_name: nonEmptyString.optional(),
    locality: nonEmptyString.optional(),
    access: accessSchema.optional(),
  }),
})
export type CreateInstanceRequest = z.infer<typeof createInstanceRequestSchema>

/** `PUT /instances/{id}`: one attribute besides `name`. */
export const updateInstanceRequestSchema = z.object({
  instance: z.strictObject({
    name: nonEmptyString.optional(),
    replica_of: uuidString.nullable().optional(),
    configuration: uuidString.nullable().optional(),
    datastore_version: nonEmptyString.optional(),
    access: accessSchema.optional(),
  }),
})
export type UpdateInstanceRequest = z.infer<typeof updateInstanceRequestSchema>

/** `POST /instances/{id}/action` bodies the spine uses. */
export const instanceActionSchema = z.union([
  z.object({ restart: z.object({}) }),
  z.object({ resize: z.object({ flavorRef: z.union([nonEmptyString, z.number().int()]) }) }),
  z.object({ resize: z.object({ volume: z.object({ size: volumeSizeSchema }) }) }),
  z.object({ reset_status: z.object({}).nullable() }),
  z.object({ promote_to_replica_source: z.object({}) }),
  z.object({ eject_replica_source: z.object({}) }),
])
export type InstanceAction = z.infer<typeof instanceActionSchema>
