import type { Db } from '../store/db'
import { parseJson } from '../store/db'
import { instanceById, type InstanceRow } from '../store/instance-queries'
import {
  endpointById,
  integrationsOf,
  terminationProtection,
  type ExternalIntegrationRow,
  type IntegrationRow,
  type OperationRow,
} from '../store/dbaas-queries'
import { derivedUuid, eolOf, factsOf, type ServiceFacts } from './service-model'
import type { DbaasBody, DbaasSchemas } from './openapi-respond'
import type {
  externalIntegrationSchema,
  integrationSchema,
  operationSchema,
  serviceSchema,
} from '../../src/api/dbaas/schemas'

/** Response bodies of the DBaaS management API, kebab-case as Exoscale sends them. */

/** ISO 8601 UTC with a literal Z and no fraction: `2024-01-01T12:00:00Z`. */
export const isoZ = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`

export const INTEGRATION_DESCRIPTIONS: Record<string, string> = {
  datasource: 'Use the source service as a Grafana datasource',
  logs: 'Send service logs to the destination service',
  metrics: 'Send service metrics to the destination service',
  read_replica: 'Replicate data from source to destination service',
}

export function integrationView(
  db: Db,
  row: IntegrationRow,
  now: number,
): DbaasBody<'dbaas-integration', typeof integrationSchema> {
  const active = now >= row.active_at
  return {
    id: row.id,
    type: row.type,
    source: instanceById(db, row.source_instance_id)?.name ?? '',
    dest: instanceById(db, row.dest_instance_id)?.name ?? '',
    description: INTEGRATION_DESCRIPTIONS[row.type] ?? row.type,
    status: active ? 'active' : 'pending',
    'is-active': active,
    'is-enabled': true,
    settings: parseJson<Record<string, unknown>>(row.settings, {}),
  }
}

/** Trove replication shown as Exoscale's read_replica integration (source -> replica). */
export function replicaIntegrationView(
  source: InstanceRow,
  replica: InstanceRow,
): DbaasBody<'dbaas-integration', typeof integrationSchema> {
  const active = replica.task_status === 'NONE' && replica.server_status === 'ACTIVE'
  return {
    id: derivedUuid('read_replica', source.id, replica.id),
    type: 'read_replica',
    source: source.name,
    dest: replica.name,
    description: INTEGRATION_DESCRIPTIONS.read_replica ?? '',
    status: active ? 'active' : 'pending',
    'is-active': active,
    'is-enabled': true,
    settings: {},
  }
}

function serviceIntegrations(db: Db, f: ServiceFacts, now: number) {
  const out = integrationsOf(db, f.inst.id).map((r) => integrationView(db, r, now))
  if (f.inst.replica_of_id) {
    const source = instanceById(db, f.inst.replica_of_id)
    if (source && !source.deleted) out.unshift(replicaIntegrationView(source, f.inst))
  }
  for (const r of f.replicas) out.push(replicaIntegrationView(f.inst, r))
  return out
}

function notifications(f: ServiceFacts) {
  const out: {
    level: 'warning' | 'notice'
    type: 'service_powered_off_removal' | 'service_end_of_life'
    message: string
    metadata: Record<string, unknown>
  }[] = []
  const eol = eolOf(f)
  if (eol || !f.versionActive) {
    out.push({
      level: 'warning',
      type: 'service_end_of_life',
      message: eol
        ? `${f.type} ${f.version} reached its end of life on ${eol.slice(0, 10)}. Upgrade to a supported version.`
        : `${f.type} ${f.version} is no longer offered. Upgrade to a supported version.`,
      metadata: {
        'service-type': f.type,
        version: f.version,
        ...(eol ? { 'end-of-life': eol } : {}),
      },
    })
  }
  if (f.state === 'poweroff') {
    // The document's type for any service that is not running; the words say why (a failed
    // database is not one someone powered off).
    const message = f.inst.fault_message
      ? `Service is not running: its database failed (${f.inst.fault_message.split('\n')[0] ?? ''}). Services that are not running are removed after 180 days.`
      : `Service is powered off (its status is ${f.trove}). Powered-off services are removed after 180 days.`
    out.push({
      level: 'warning',
      type: 'service_powered_off_removal',
      message,
      metadata: { 'trove-status': f.trove },
    })
  }
  return out
}

/** `dbaas-service-common` for one instance. */
export function serviceView(
  db: Db,
  inst: InstanceRow,
  now: number,
): DbaasBody<'dbaas-service-common', typeof serviceSchema> {
  const f = factsOf(db, inst)
  return {
    name: inst.name,
    type: f.type,
    plan: f.plan,
    state: f.state,
    zone: inst.region,
    'node-count': 1 + f.replicas.length,
    'node-cpu-count': f.vcpus,
    'node-memory': f.memoryBytes,
    'disk-size': f.diskBytes,
    'termination-protection': terminationProtection(db, inst.id),
    'created-at': isoZ(inst.created),
    'updated-at': isoZ(inst.updated),
    notifications: notifications(f),
    integrations: serviceIntegrations(db, f, now),
  }
}

export function externalIntegrationView(
  db: Db,
  row: ExternalIntegrationRow,
  now: number,
): DbaasBody<'dbaas-external-integration', typeof externalIntegrationSchema> {
  const inst = instanceById(db, row.instance_id)
  const endpoint = endpointById(db, row.endpoint_id)
  const f = inst ? factsOf(db, inst) : undefined
  return {
    'integration-id': row.id,
    type: row.type,
    description: `Send ${row.type === 'prometheus' || row.type === 'datadog' ? 'metrics' : 'logs'} to external endpoint ${endpoint?.name ?? row.endpoint_id}`,
    status: now >= row.active_at ? 'active' : 'pending',
    'dest-endpoint-id': row.endpoint_id,
    'dest-endpoint-name': endpoint?.name ?? '',
    'source-service-name': inst?.name ?? '',
    'source-service-type': f?.type ?? '',
  }
}

export type OperationState = 'pending' | 'success' | 'failure'
type OperationReason = NonNullable<DbaasSchemas['operation']['reason']>
export interface OperationFailure {
  reason: OperationReason
  message: string
}

export function operationView(
  row: OperationRow,
  state: OperationState,
  failure?: OperationFailure,
): DbaasBody<'operation', typeof operationSchema> {
  return {
    id: row.id,
    state,
    ...(failure ? { reason: failure.reason, message: failure.message } : {}),
    reference: {
      ...(row.reference_id ? { id: row.reference_id } : {}),
      ...(row.reference_link ? { link: row.reference_link } : {}),
      ...(row.reference_command ? { command: row.reference_command } : {}),
    },
  }
}
