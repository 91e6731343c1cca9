import type { Schema } from './json-schema-check'

/**
 * The integration types this cloud offers, modelled on Aiven's (which Exoscale passes through):
 * `datasource` (a database as a Grafana datasource), `logs` (ship logs to OpenSearch) and
 * `metrics` (ship metrics to a PostgreSQL or Thanos metrics store). The settings schemas are
 * Aiven's `user_config_schema`s (snake_case inside `settings`, as the Exoscale API sends them).
 * This cloud runs MySQL, PostgreSQL and MariaDB, so `metrics` into a pg service is the one kind
 * whose destination exists here; the others are listed as the real API lists them.
 */

export type SettingsSchema = Schema & {
  title: string
  type: 'object'
  additionalProperties: boolean
  properties: Record<string, Schema & { title?: string; description?: string; default?: unknown }>
}

export interface IntegrationTypeDef {
  type: 'datasource' | 'logs' | 'metrics'
  sourceDescription: string
  sourceTypes: string[]
  destDescription: string
  destTypes: string[]
}

const DATABASES = ['pg', 'mysql', 'mariadb']

export const INTEGRATION_TYPE_DEFS: IntegrationTypeDef[] = [
  {
    type: 'datasource',
    sourceDescription: 'Database service',
    sourceTypes: DATABASES,
    destDescription: 'Grafana',
    destTypes: ['grafana'],
  },
  {
    type: 'logs',
    sourceDescription: 'Any service',
    sourceTypes: DATABASES,
    destDescription: 'OpenSearch',
    destTypes: ['opensearch'],
  },
  {
    type: 'metrics',
    sourceDescription: 'Any service',
    sourceTypes: DATABASES,
    destDescription: 'Metrics store (PostgreSQL or Thanos)',
    destTypes: ['pg', 'thanos'],
  },
]

const empty = (): SettingsSchema => ({
  type: 'object',
  title: 'Integration user config',
  additionalProperties: false,
  properties: {},
})

const LOGS_PROPERTIES: SettingsSchema['properties'] = {
  elasticsearch_index_days_max: {
    type: 'integer',
    title: 'Elasticsearch index retention limit',
    default: 3,
    minimum: 1,
    maximum: 10000,
  },
  elasticsearch_index_prefix: {
    type: 'string',
    title: 'Elasticsearch index prefix',
    default: 'logs',
    minLength: 1,
    maxLength: 1024,
    pattern: '^[a-z0-9][a-z0-9-_.]+$',
  },
  selected_log_fields: {
    type: 'array',
    title: 'Fields to include in logs',
    maxItems: 5,
    items: {
      type: 'string',
      enum: ['HOSTNAME', 'PRIORITY', 'REALTIME_TIMESTAMP', 'SYSTEMD_UNIT', 'service_name'],
    },
  },
}

const TELEGRAF_MYSQL: Schema & { title: string } = {
  type: 'object',
  title: 'Configuration options for Telegraf MySQL input plugin',
  additionalProperties: false,
  properties: {
    gather_event_waits: { type: 'boolean' },
    gather_file_events_stats: { type: 'boolean' },
    gather_index_io_waits: { type: 'boolean' },
    gather_info_schema_auto_inc: { type: 'boolean' },
    gather_innodb_metrics: { type: 'boolean' },
    gather_perf_events_statements: { type: 'boolean' },
    gather_process_list: { type: 'boolean' },
    gather_slave_status: { type: 'boolean' },
    gather_table_io_waits: { type: 'boolean' },
    gather_table_lock_waits: { type: 'boolean' },
    gather_table_schema: { type: 'boolean' },
    perf_events_statements_digest_text_limit: { type: 'integer', minimum: 1, maximum: 2048 },
    perf_events_statements_limit: { type: 'integer', minimum: 1, maximum: 4000 },
    perf_events_statements_time_limit: { type: 'integer', minimum: 1, maximum: 2592000 },
  },
}

function metricsSchema(source: string, dest: string): SettingsSchema {
  const s = empty()
  if (dest === 'pg') {
    s.properties.database = {
      type: 'string',
      title: 'Name of the database where to store metric datapoints',
      description: 'Only affects PostgreSQL destinations. Defaults to "metrics".',
      maxLength: 40,
      pattern: '^[_A-Za-z0-9][-_A-Za-z0-9]{0,39}$',
    }
    s.properties.retention_days = {
      type: 'integer',
      title: 'Number of days to keep old metrics',
      description: 'Only affects PostgreSQL destinations. Set to 0 for no automatic cleanup.',
      minimum: 0,
      maximum: 10000,
    }
    s.properties.ro_username = {
      type: 'string',
      title: 'Name of a user that can be used to read metrics',
      description: 'Only affects PostgreSQL destinations.',
      maxLength: 40,
      pattern: '^[_A-Za-z0-9][-._A-Za-z0-9]{0,39}$',
    }
    s.properties.username = {
      type: 'string',
      title: 'Name of the user used to write metrics',
      description: 'Only affects PostgreSQL destinations. Defaults to "metrics_writer".',
      maxLength: 40,
      pattern: '^[_A-Za-z0-9][-._A-Za-z0-9]{0,39}$',
    }
  }
  if (source === 'mysql' || source === 'mariadb') {
    s.properties.source_mysql = {
      type: 'object',
      title: 'Configuration options for metrics where source service is MySQL',
      additionalProperties: false,
      properties: { telegraf: TELEGRAF_MYSQL },
    }
  }
  return s
}

export function integrationTypeDef(type: string): IntegrationTypeDef | undefined {
  return INTEGRATION_TYPE_DEFS.find((d) => d.type === type)
}

/**
 * The settings schema for a type, source and destination service type; undefined when the type
 * does not join those service types.
 */
export function settingsSchemaFor(
  type: string,
  source: string,
  dest: string,
): SettingsSchema | undefined {
  const def = integrationTypeDef(type)
  if (!def || !def.sourceTypes.includes(source) || !def.destTypes.includes(dest)) return undefined
  if (type === 'logs') return { ...empty(), properties: { ...LOGS_PROPERTIES } }
  if (type === 'metrics') return metricsSchema(source, dest)
  return empty()
}

/** The schema shown in the types list (no particular source or destination). */
export function genericSettingsSchema(type: string): SettingsSchema {
  if (type === 'logs') return { ...empty(), properties: { ...LOGS_PROPERTIES } }
  if (type === 'metrics') return metricsSchema('mysql', 'pg')
  return empty()
}
