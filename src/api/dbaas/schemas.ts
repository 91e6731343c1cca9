import * as z from 'zod/mini'
import { METRIC_PERIODS } from '../rules/metric-periods'

/**
 * The DBaaS management API (Exoscale API v2 subset, seed 004): kebab-case bodies, `{"message"}`
 * errors, mutations answered with an async `operation`. Request schemas are what the embedded
 * cloud validates; response schemas are what the console parses (loosely: a real cloud may send
 * more fields).
 */

export const SERVICE_NAME_MAX = 63
export const serviceNameSchema = z.string().check(z.maxLength(SERVICE_NAME_MAX))

export const SERVICE_STATES = ['running', 'rebuilding', 'rebalancing', 'poweroff'] as const
export type MetricPeriod = (typeof METRIC_PERIODS)[number]
export const SORT_ORDERS = ['desc', 'asc'] as const
export const INTEGRATION_TYPES = ['datasource', 'logs', 'metrics'] as const
export type IntegrationType = (typeof INTEGRATION_TYPES)[number]
export const EXTERNAL_ENDPOINT_TYPES = [
  'prometheus',
  'opensearch',
  'rsyslog',
  'datadog',
  'elasticsearch',
] as const
export type ExternalEndpointType = (typeof EXTERNAL_ENDPOINT_TYPES)[number]
export const MIGRATION_METHODS = ['dump', 'replication'] as const
export const MIGRATION_STATUSES = ['running', 'syncing', 'failed', 'done'] as const
export const OPERATION_STATES = ['failure', 'pending', 'success', 'timeout'] as const
export const OPERATION_REASONS = [
  'incorrect',
  'unknown',
  'unavailable',
  'forbidden',
  'busy',
  'fault',
  'partial',
  'not-found',
  'interrupted',
  'unsupported',
  'conflict',
] as const

const uuid = z
  .string()
  .check(
    z.regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'Must be a valid UUID.',
    ),
  )

// ---- requests -------------------------------------------------------------------------------

export const logsRequestSchema = z.strictObject({
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500))),
  offset: z.optional(z.string().check(z.maxLength(128))),
  'sort-order': z.optional(z.enum(SORT_ORDERS)),
  /**
   * Console extension (not in the DBaaS document): only lines whose message, unit or node
   * contains this text (case-insensitive), searched over the whole retained log, paged as usual.
   */
  filter: z.optional(z.string().check(z.maxLength(200))),
})
export type LogsRequest = z.infer<typeof logsRequestSchema>

export const metricsRequestSchema = z.strictObject({
  period: z.optional(z.enum(METRIC_PERIODS)),
})

export const createIntegrationRequestSchema = z.strictObject({
  'integration-type': z.enum(INTEGRATION_TYPES),
  'source-service': serviceNameSchema,
  'dest-service': serviceNameSchema,
  settings: z.optional(z.record(z.string(), z.unknown())),
})
export type CreateIntegrationRequest = z.infer<typeof createIntegrationRequestSchema>

export const updateIntegrationRequestSchema = z.strictObject({
  settings: z.record(z.string(), z.unknown()),
})

export const attachEndpointRequestSchema = z.strictObject({
  'dest-endpoint-id': uuid,
  type: z.enum(EXTERNAL_ENDPOINT_TYPES),
})
export const detachEndpointRequestSchema = z.strictObject({
  'integration-id': uuid,
})

export const migrationCheckRequestSchema = z.strictObject({
  'source-service-uri': z.string().check(z.minLength(1), z.maxLength(512)),
  method: z.optional(z.enum(MIGRATION_METHODS)),
  'ignore-dbs': z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
})
export type MigrationCheckRequest = z.infer<typeof migrationCheckRequestSchema>

/** The per-type update (`PUT /dbaas-postgres/{name}` ...), reduced to what this cloud supports. */
export const updateServiceRequestSchema = z.strictObject({
  'termination-protection': z.boolean(),
})

/**
 * What a migration source URI must look like before a check is worth running:
 * `mysql://user:password@host:port/db` or `postgres(ql)://...` with a host.
 */
export function sourceUriProblem(uri: string): string | null {
  let u: URL
  try {
    u = new URL(uri)
  } catch {
    return 'Enter a URI such as mysql://admin:secret@db.example.com:3306/app.'
  }
  if (!['mysql:', 'postgres:', 'postgresql:'].includes(u.protocol)) {
    return 'The URI must start with mysql://, postgres:// or postgresql://.'
  }
  if (!u.hostname) return 'The URI must name the source host.'
  if (!u.username) return 'The URI must carry the admin user (user:password@host).'
  if (u.port && (Number(u.port) < 1 || Number(u.port) > 65535)) return 'The port must be 1-65535.'
  return null
}

// ---- responses ------------------------------------------------------------------------------

export const operationSchema = z.looseObject({
  id: z.string(),
  state: z.enum(OPERATION_STATES),
  reason: z.optional(z.string()),
  message: z.optional(z.string()),
  reference: z.optional(
    z.looseObject({
      id: z.optional(z.string()),
      link: z.optional(z.string()),
      command: z.optional(z.string()),
    }),
  ),
})
export type Operation = z.infer<typeof operationSchema>

export const integrationSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  dest: z.string(),
  description: z.optional(z.string()),
  status: z.optional(z.string()),
  'is-active': z.optional(z.boolean()),
  'is-enabled': z.optional(z.boolean()),
  settings: z.optional(z.record(z.string(), z.unknown())),
})
export type Integration = z.infer<typeof integrationSchema>

export const notificationSchema = z.looseObject({
  level: z.string(),
  type: z.string(),
  message: z.string(),
  metadata: z.optional(z.record(z.string(), z.unknown())),
})
export type ServiceNotification = z.infer<typeof notificationSchema>

export const serviceSchema = z.looseObject({
  name: z.string(),
  type: z.string(),
  plan: z.string(),
  state: z.optional(z.string()),
  zone: z.optional(z.string()),
  'node-count': z.optional(z.number()),
  'node-cpu-count': z.optional(z.number()),
  'node-memory': z.optional(z.number()),
  'disk-size': z.optional(z.number()),
  'termination-protection': z.optional(z.boolean()),
  'created-at': z.optional(z.string()),
  'updated-at': z.optional(z.string()),
  notifications: z.optional(z.array(notificationSchema)),
  integrations: z.optional(z.array(integrationSchema)),
})
export type Service = z.infer<typeof serviceSchema>
export const serviceListSchema = z.looseObject({ 'dbaas-services': z.array(serviceSchema) })

export const backupConfigSchema = z.looseObject({
  interval: z.optional(z.nullable(z.number())),
  'max-count': z.optional(z.nullable(z.number())),
  'recovery-mode': z.optional(z.nullable(z.string())),
})
export const planSchema = z.looseObject({
  name: z.string(),
  'node-count': z.optional(z.number()),
  'node-cpu-count': z.optional(z.number()),
  'node-memory': z.optional(z.number()),
  'disk-space': z.optional(z.number()),
  authorized: z.optional(z.boolean()),
  family: z.optional(z.string()),
  'max-memory-percent': z.optional(z.number()),
  zones: z.optional(z.array(z.string())),
  'backup-config': z.optional(backupConfigSchema),
})
export type Plan = z.infer<typeof planSchema>
export const serviceTypeSchema = z.looseObject({
  name: z.string(),
  description: z.optional(z.string()),
  'available-versions': z.optional(z.array(z.string())),
  'default-version': z.optional(z.string()),
  plans: z.optional(z.array(planSchema)),
})
export type ServiceType = z.infer<typeof serviceTypeSchema>
export const serviceTypeListSchema = z.looseObject({
  'dbaas-service-types': z.array(serviceTypeSchema),
})

export const metricSeriesSchema = z.looseObject({
  hints: z.optional(z.looseObject({ title: z.optional(z.string()) })),
  data: z.looseObject({
    cols: z.array(z.looseObject({ type: z.string(), label: z.string() })),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  }),
})
export type MetricSeries = z.infer<typeof metricSeriesSchema>
export const metricsResponseSchema = z.looseObject({
  metrics: z.record(z.string(), metricSeriesSchema),
})

export const logEntrySchema = z.looseObject({
  time: z.string(),
  node: z.optional(z.string()),
  unit: z.optional(z.string()),
  message: z.string(),
})
export type LogEntry = z.infer<typeof logEntrySchema>
export const logsResponseSchema = z.looseObject({
  logs: z.array(logEntrySchema),
  offset: z.optional(z.nullable(z.string())),
  'first-log-offset': z.optional(z.nullable(z.string())),
})
export type LogsResponse = z.infer<typeof logsResponseSchema>

export const jsonSchemaObject = z.looseObject({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  properties: z.optional(z.record(z.string(), z.unknown())),
  additionalProperties: z.optional(z.unknown()),
  required: z.optional(z.array(z.string())),
})
export type SettingsJsonSchema = z.infer<typeof jsonSchemaObject>

export const integrationTypeSchema = z.looseObject({
  type: z.string(),
  'source-description': z.optional(z.string()),
  'source-service-types': z.optional(z.array(z.string())),
  'dest-description': z.optional(z.string()),
  'dest-service-types': z.optional(z.array(z.string())),
  settings: z.optional(jsonSchemaObject),
})
export type IntegrationTypeInfo = z.infer<typeof integrationTypeSchema>
export const integrationTypesSchema = z.looseObject({
  'dbaas-integration-types': z.array(integrationTypeSchema),
})
export const integrationSettingsSchema = z.looseObject({ settings: jsonSchemaObject })

export const externalEndpointSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
})
export type ExternalEndpoint = z.infer<typeof externalEndpointSchema>
export const externalEndpointsSchema = z.looseObject({
  'dbaas-endpoints': z.array(externalEndpointSchema),
})
export const externalIntegrationSchema = z.looseObject({
  'integration-id': z.string(),
  type: z.string(),
  description: z.optional(z.string()),
  status: z.optional(z.string()),
  'dest-endpoint-id': z.optional(z.string()),
  'dest-endpoint-name': z.optional(z.string()),
  'source-service-name': z.string(),
  'source-service-type': z.optional(z.string()),
})
export type ExternalIntegration = z.infer<typeof externalIntegrationSchema>
export const externalIntegrationsSchema = z.looseObject({
  'external-integrations': z.array(externalIntegrationSchema),
})

export const taskSchema = z.looseObject({
  id: z.string(),
  'create-time': z.optional(z.string()),
  'task-type': z.optional(z.string()),
  result: z.optional(z.string()),
  success: z.optional(z.boolean()),
  'result-codes': z.optional(
    z.array(z.looseObject({ code: z.optional(z.string()), dbname: z.optional(z.string()) })),
  ),
})
export type DbaasTask = z.infer<typeof taskSchema>

export const migrationStatusSchema = z.looseObject({
  status: z.optional(z.string()),
  method: z.optional(z.string()),
  error: z.optional(z.string()),
  details: z.optional(
    z.array(
      z.looseObject({
        dbname: z.optional(z.string()),
        status: z.optional(z.string()),
        method: z.optional(z.string()),
        error: z.optional(z.string()),
      }),
    ),
  ),
})
export type MigrationStatus = z.infer<typeof migrationStatusSchema>

export const caCertificateSchema = z.looseObject({ certificate: z.string() })
