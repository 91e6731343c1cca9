import type { Db } from './db'
import type { InstanceRow } from './instance-queries'
import type { ExternalEndpointType } from '../../src/api/dbaas/schemas'

/** Queries of the DBaaS management API's own tables (server/store/schema/dbaas.ts). */

/**
 * The project's live instances in a region, newest first. DBaaS addresses services by name; when
 * several live instances share a name, the newest one (highest seq) is the service and the older
 * ones are not shown by this API. Names longer than 63 characters are not valid service names and
 * are left out too.
 */
export function serviceInstances(db: Db, projectId: string, region: string): InstanceRow[] {
  const rows = db
    .prepare(
      `SELECT * FROM instances WHERE project_id = ? AND region = ? AND deleted = 0
       AND length(name) <= 63 ORDER BY seq DESC`,
    )
    .all(projectId, region) as InstanceRow[]
  const seen = new Set<string>()
  return rows.filter((r) => (seen.has(r.name) ? false : (seen.add(r.name), true)))
}

export function serviceInstance(
  db: Db,
  projectId: string,
  region: string,
  name: string,
): InstanceRow | undefined {
  return db
    .prepare(
      `SELECT * FROM instances WHERE project_id = ? AND region = ? AND deleted = 0 AND name = ?
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(projectId, region, name) as InstanceRow | undefined
}

export function terminationProtection(db: Db, instanceId: string): boolean {
  const r = db
    .prepare('SELECT termination_protection AS p FROM dbaas_service_flags WHERE instance_id = ?')
    .get(instanceId) as { p: number } | undefined
  return r?.p === 1
}
export function setTerminationProtection(db: Db, instanceId: string, on: boolean): void {
  db.prepare(
    `INSERT INTO dbaas_service_flags (instance_id, termination_protection) VALUES (?, ?)
     ON CONFLICT (instance_id) DO UPDATE SET termination_protection = excluded.termination_protection`,
  ).run(instanceId, on ? 1 : 0)
}

// ---- integrations --------------------------------------------------------------------------

export interface IntegrationRow {
  id: string
  project_id: string
  region: string
  type: string
  source_instance_id: string
  dest_instance_id: string
  settings: string
  created: number
  active_at: number
  deleted: number
}
export function insertIntegration(db: Db, row: Omit<IntegrationRow, 'deleted'>): void {
  db.prepare(
    `INSERT INTO dbaas_integrations (id, project_id, region, type, source_instance_id,
       dest_instance_id, settings, created, active_at)
     VALUES (@id, @project_id, @region, @type, @source_instance_id, @dest_instance_id, @settings,
       @created, @active_at)`,
  ).run(row)
}
export function integrationById(
  db: Db,
  id: string,
  projectId: string,
  region: string,
): IntegrationRow | undefined {
  return db
    .prepare(
      `SELECT * FROM dbaas_integrations WHERE id = ? AND project_id = ? AND region = ?
       AND deleted = 0`,
    )
    .get(id, projectId, region) as IntegrationRow | undefined
}
/** Live integrations where the instance is the source or the destination, oldest first. */
export function integrationsOf(db: Db, instanceId: string): IntegrationRow[] {
  return db
    .prepare(
      `SELECT * FROM dbaas_integrations WHERE deleted = 0
       AND (source_instance_id = ? OR dest_instance_id = ?) ORDER BY created, id`,
    )
    .all(instanceId, instanceId) as IntegrationRow[]
}
export function findIntegration(
  db: Db,
  type: string,
  sourceId: string,
  destId: string,
): IntegrationRow | undefined {
  return db
    .prepare(
      `SELECT * FROM dbaas_integrations WHERE deleted = 0 AND type = ? AND source_instance_id = ?
       AND dest_instance_id = ?`,
    )
    .get(type, sourceId, destId) as IntegrationRow | undefined
}
export function updateIntegrationSettings(db: Db, id: string, settings: string): void {
  db.prepare('UPDATE dbaas_integrations SET settings = ? WHERE id = ?').run(settings, id)
}
export function deleteIntegration(db: Db, id: string): void {
  db.prepare('UPDATE dbaas_integrations SET deleted = 1 WHERE id = ?').run(id)
}

// ---- external endpoints ----------------------------------------------------------------------

export interface EndpointRow {
  id: string
  project_id: string
  region: string
  name: string
  type: ExternalEndpointType
  settings: string
  created: number
}
export function endpointsIn(db: Db, projectId: string, region: string): EndpointRow[] {
  return db
    .prepare(
      'SELECT * FROM dbaas_external_endpoints WHERE project_id = ? AND region = ? ORDER BY name',
    )
    .all(projectId, region) as EndpointRow[]
}
export function insertEndpoint(db: Db, row: EndpointRow): void {
  db.prepare(
    `INSERT INTO dbaas_external_endpoints (id, project_id, region, name, type, settings, created)
     VALUES (@id, @project_id, @region, @name, @type, @settings, @created)`,
  ).run(row)
}
export function endpointById(db: Db, id: string): EndpointRow | undefined {
  return db.prepare('SELECT * FROM dbaas_external_endpoints WHERE id = ?').get(id) as
    EndpointRow | undefined
}

export interface ExternalIntegrationRow {
  id: string
  project_id: string
  region: string
  instance_id: string
  endpoint_id: string
  type: ExternalEndpointType
  created: number
  active_at: number
  deleted: number
}
export function insertExternalIntegration(
  db: Db,
  row: Omit<ExternalIntegrationRow, 'deleted'>,
): void {
  db.prepare(
    `INSERT INTO dbaas_external_integrations (id, project_id, region, instance_id, endpoint_id,
       type, created, active_at)
     VALUES (@id, @project_id, @region, @instance_id, @endpoint_id, @type, @created, @active_at)`,
  ).run(row)
}
export function externalIntegrationsOf(db: Db, instanceId: string): ExternalIntegrationRow[] {
  return db
    .prepare(
      `SELECT * FROM dbaas_external_integrations WHERE instance_id = ? AND deleted = 0
       ORDER BY created, id`,
    )
    .all(instanceId) as ExternalIntegrationRow[]
}
export function externalIntegrationById(
  db: Db,
  id: string,
  projectId: string,
  region: string,
): ExternalIntegrationRow | undefined {
  return db
    .prepare(
      `SELECT * FROM dbaas_external_integrations WHERE id = ? AND project_id = ? AND region = ?
       AND deleted = 0`,
    )
    .get(id, projectId, region) as ExternalIntegrationRow | undefined
}
export function deleteExternalIntegration(db: Db, id: string): void {
  db.prepare('UPDATE dbaas_external_integrations SET deleted = 1 WHERE id = ?').run(id)
}

// ---- operations, tasks, migrations --------------------------------------------------------------

export interface OperationRow {
  id: string
  project_id: string
  region: string
  kind: string
  reference_id: string | null
  reference_link: string | null
  reference_command: string | null
  created: number
  due_at: number
}
export function insertOperation(db: Db, row: OperationRow): void {
  db.prepare(
    `INSERT INTO dbaas_operations (id, project_id, region, kind, reference_id, reference_link,
       reference_command, created, due_at)
     VALUES (@id, @project_id, @region, @kind, @reference_id, @reference_link,
       @reference_command, @created, @due_at)`,
  ).run(row)
}
export function operationById(
  db: Db,
  id: string,
  projectId: string,
  region: string,
): OperationRow | undefined {
  return db
    .prepare('SELECT * FROM dbaas_operations WHERE id = ? AND project_id = ? AND region = ?')
    .get(id, projectId, region) as OperationRow | undefined
}

export interface TaskRow {
  id: string
  project_id: string
  region: string
  instance_id: string
  task_type: string
  request: string
  created: number
  due_at: number
}
export function insertDbaasTask(db: Db, row: TaskRow): void {
  db.prepare(
    `INSERT INTO dbaas_tasks (id, project_id, region, instance_id, task_type, request, created,
       due_at)
     VALUES (@id, @project_id, @region, @instance_id, @task_type, @request, @created, @due_at)`,
  ).run(row)
}
export function dbaasTaskById(db: Db, id: string, instanceId: string): TaskRow | undefined {
  return db
    .prepare('SELECT * FROM dbaas_tasks WHERE id = ? AND instance_id = ?')
    .get(id, instanceId) as TaskRow | undefined
}

/** The instance's tasks of a type, newest first. */
export function dbaasTasksOf(db: Db, instanceId: string, taskType: string): TaskRow[] {
  return db
    .prepare(
      'SELECT * FROM dbaas_tasks WHERE instance_id = ? AND task_type = ? ORDER BY created DESC, id',
    )
    .all(instanceId, taskType) as TaskRow[]
}

export function caPem(db: Db): string | undefined {
  const r = db.prepare('SELECT pem FROM dbaas_ca WHERE id = 1').get() as { pem: string } | undefined
  return r?.pem
}
export function saveCaPem(db: Db, pem: string, now: number): void {
  db.prepare('INSERT OR IGNORE INTO dbaas_ca (id, pem, created) VALUES (1, ?, ?)').run(pem, now)
}
