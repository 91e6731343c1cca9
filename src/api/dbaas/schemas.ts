import { z } from 'zod'

/**
 * The DBaaS management API (Exoscale API v2 subset, seed 004): kebab-case bodies, `{"message"}`
 * errors, mutations answered with an async `operation`. Request schemas are what the embedded
 * cloud validates; response schemas are what the console parses (loosely: a real cloud may send
 * more fields).
 */

export const SERVICE_NAME_MAX = 63
export const serviceNameSchema = z.string().max(SERVICE_NAME_MAX)

export const SERVICE_STATES = ['running', 'rebuilding', 'rebalancing', 'poweroff'] as const
export const METRIC_PERIODS = ['hour', 'day', 'week', 'month', 'year'] as const
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
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Must be a valid UUID.')

// ---- requests -------------------------------------------------------------------------------

export const logsRequestSchema = z.strictObject({
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.string().max(128).optional(),
  'sort-order': z.enum(SORT_ORDERS).optional(),
  /**
   * Console extension (not in the DBaaS document): only lines whose message, unit or node
   * contains this text (case-insensitive), searched over the whole retained log, paged as usual.
   */
  filter: z.string().max(200).optional(),
})
export type LogsRequest = z.infer<typeof logsRequestSchema>

export const metricsRequestSchema = z.strictObject({
  period: z.enum(METRIC_PERIODS).optional(),
})

export const createIntegrationRequestSchema = z.strictObject({
  'integration-type': z.enum(INTEGRATION_TYPES),
  'source-service': serviceNameSchema,
  'dest-service': serviceNameSchema,
  settings: z.record(z.string(), z.unknown()).optional(),
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
  'source-service-uri': z.string().min(1).max(512),
  method: z.enum(MIGRATION_METHODS).optional(),
  'ignore-dbs': z.string().min(1).max(2048).optional(),
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
  reason: z.string().optional(),
  message: z.string().optional(),
  reference: z
    .looseObject({
      id: z.string().optional(),
      link: z.string().optional(),
      command: z.string().optional(),
    })
    .optional(),
})
export type Operation = z.infer<typeof operationSchema>

export const integrationSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  dest: z.string(),
  description: z.string().optional(),
  status: z.string().optional(),
  'is-active': z.boolean().optional(),
  'is-enabled': z.boolean().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
})
export type Integration = z.infer<typeof integrationSchema>

export const notificationSchema = z.looseObject({
  level: z.string(),
  type: z.string(),
  message: z.string(),
  metadata: z.record(z.string(), z.unknown()).optional(),
})
export type ServiceNotification = z.infer<typeof notificationSchema>

export const serviceSchema = z.looseObject({
  name: z.string(),
  type: z.string(),
  plan: z.string(),
  state: z.string().optional(),
  zone: z.string().optional(),
  'node-count': z.number().optional(),
  'node-cpu-count': z.number().optional(),
  'node-memory': z.number().optional(),
  'disk-size': z.number().optional(),
  'termination-protection': z.boolean().optional(),
  'created-at': z.string().optional(),
  'updated-at': z.string().optional(),
  notifications: z.array(notificationSchema).optional(),
  integrations: z.array(integrationSchema).optional(),
})
export type Service = z.infer<typeof serviceSchema>
export const serviceListSchema = z.looseObject({ 'dbaas-services': z.array(serviceSchema) })

export const backupConfigSchema = z.looseObject({
  interval: z.number().nullable().optional(),
  'max-count': z.number().nullable().optional(),
  'recovery-mode': z.string().nullable().optional(),
})
export const planSchema = z.looseObject({
  name: z.string(),
  'node-count': z.number().optional(),
  'node-cpu-count': z.number().optional(),
  'node-memory': z.number().optional(),
  'disk-space': z.number().optional(),
  authorized: z.boolean().optional(),
  family: z.string().optional(),
  'max-memory-percent': z.number().optional(),
  zones: z.array(z.string()).optional(),
  'backup-config': backupConfigSchema.optional(),
})
export type Plan = z.infer<typeof planSchema>
export const serviceTypeSchema = z.looseObject({
  name: z.string(),
  description: z.string().optional(),
  'available-versions': z.array(z.string()).optional(),
  'default-version': z.string().optional(),
  plans: z.array(planSchema).optional(),
})
export type ServiceType = z.infer<typeof serviceTypeSchema>
export const serviceTypeListSchema = z.looseObject({
  'dbaas-service-types': z.array(serviceTypeSchema),
})

export const metricSeriesSchema = z.looseObject({
  hints: z.looseObject({ title: z.string().optional() }).optional(),
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
  node: z.string().optional(),
  unit: z.string().optional(),
  message: z.string(),
})
export type LogEntry = z.infer<typeof logEntrySchema>
export const logsResponseSchema = z.looseObject({
  logs: z.array(logEntrySchema),
  offset: z.string().nullable().optional(),
  'first-log-offset': z.string().nullable().optional(),
})
export type LogsResponse = z.infer<typeof logsResponseSchema>

export const jsonSchemaObject = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  additionalProperties: z.unknown().optional(),
  required: z.array(z.string()).optional(),
})
export type SettingsJsonSchema = z.infer<typeof jsonSchemaObject>

export const integrationTypeSchema = z.looseObject({
  type: z.string(),
  'source-description': z.string().optional(),
  'source-service-types': z.array(z.string()).optional(),
  'dest-description': z.string().optional(),
  'dest-service-types': z.array(z.string()).optional(),
  settings: jsonSchemaObject.optional(),
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
  description: z.string().optional(),
  status: z.string().optional(),
  'dest-endpoint-id': z.string().optional(),
  'dest-endpoint-name': z.string().optional(),
  'source-service-name': z.string(),
  'source-service-type': z.string().optional(),
})
export type ExternalIntegration = z.infer<typeof externalIntegrationSchema>
export const externalIntegrationsSchema = z.looseObject({
  'external-integrations': z.array(externalIntegrationSchema),
})

export const taskSchema = z.looseObject({
  id: z.string(),
  'create-time': z.string().optional(),
  'task-type': z.string().optional(),
  result: z.string().optional(),
  success: z.boolean().optional(),
  'result-codes': z
    .array(z.looseObject({ code: z.string().optional(), dbname: z.string().optional() }))
    .optional(),
})
export type DbaasTask = z.infer<typeof taskSchema>

export const migrationStatusSchema = z.looseObject({
  status: z.string().optional(),
  method: z.string().optional(),
  error: z.string().optional(),
  details: z
    .array(
      z.looseObject({
        dbname: z.string().optional(),
        status: z.string().optional(),
        method: z.string().optional(),
        error: z.string().optional(),
      }),
    )
    .optional(),
})
export type MigrationStatus = z.infer<typeof migrationStatusSchema>

export const caCertificateSchema = z.looseObject({ certificate: z.string() })
