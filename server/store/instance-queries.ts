import type { Db } from './db'

export interface InstanceRow {
  seq: number
  id: string
  project_id: string
  region: string
  name: string
  flavor_id: string
  datastore_version_id: string
  volume_size: number
  volume_type: string | null
  volume_used: number | null
  task_status: string
  server_status: string
  service_status: string
  created: number
  updated: number
  service_status_updated: number
  fault_message: string | null
  fault_details: string | null
  fault_created: number | null
  addresses: string
  network_id: string | null
  fixed_ip: string | null
  availability_zone: string | null
  locality: string | null
  access: string
  configuration_id: string | null
  replica_of_id: string | null
  backup_id: string | null
  server_id: string
  volume_id: string
  deleted: number
  deleted_at: number | null
}

export type NewInstance = Omit<InstanceRow, 'seq' | 'deleted' | 'deleted_at'>

export function insertInstance(db: Db, row: NewInstance): void {
  db.prepare(
    `INSERT INTO instances (id, project_id, region, name, flavor_id, datastore_version_id,
       volume_size, volume_type, volume_used, task_status, server_status, service_status,
       created, updated, service_status_updated, fault_message, fault_details, fault_created,
       addresses, network_id, fixed_ip, availability_zone, locality, access, configuration_id,
       replica_of_id, backup_id, server_id, volume_id)
     VALUES (@id, @project_id, @region, @name, @flavor_id, @datastore_version_id,
       @volume_size, @volume_type, @volume_used, @task_status, @server_status, @service_status,
       @created, @updated, @service_status_updated, @fault_message, @fault_details, @fault_created,
       @addresses, @network_id, @fixed_ip, @availability_zone, @locality, @access,
       @configuration_id, @replica_of_id, @backup_id, @server_id, @volume_id)`,
  ).run(row)
}

/** A live instance by id, in a region; `projectId` null means any project (admin). */
export function findInstance(
  db: Db,
  id: string,
  region: string,
  projectId: string | null,
): InstanceRow | undefined {
  return db
    .prepare(
      `SELECT * FROM instances WHERE id = ? AND region = ? AND deleted = 0
       AND (? IS NULL OR project_id = ?)`,
    )
    .get(id, region, projectId, projectId) as InstanceRow | undefined
}

export function instanceById(db: Db, id: string): InstanceRow | undefined {
  return db.prepare('SELECT * FROM instances WHERE id = ?').get(id) as InstanceRow | undefined
}

/**
 * One page of a project's live instances in insertion order, after `marker` (an id).
 * Returns null when the marker is not one of the project's instances.
 */
export function pageInstances(
  db: Db,
  projectId: string,
  region: string,
  limit: number,
  marker: string | undefined,
): { rows: InstanceRow[]; more: boolean } | null {
  let afterSeq = 0
  if (marker !== undefined) {
    const m = db
      .prepare(
        'SELECT seq FROM instances WHERE id = ? AND project_id = ? AND region = ? AND deleted = 0',
      )
      .get(marker, projectId, region) as { seq: number } | undefined
    if (!m) return null
    afterSeq = m.seq
  }
  const rows = db
    .prepare(
      `SELECT * FROM instances WHERE project_id = ? AND region = ? AND deleted = 0 AND seq > ?
       ORDER BY seq LIMIT ?`,
    )
    .all(projectId, region, afterSeq, limit + 1) as InstanceRow[]
  const more = rows.length > limit
  return { rows: more ? rows.slice(0, limit) : rows, more }
}

export function countLiveInstances(db: Db, projectId: string, region: string): number {
  const r = db
    .prepare(
      'SELECT COUNT(*) AS n FROM instances WHERE project_id = ? AND region = ? AND deleted = 0',
    )
    .get(projectId, region) as { n: number }
  return r.n
}

export function replicasOf(db: Db, id: string): InstanceRow[] {
  return db
    .prepare('SELECT * FROM instances WHERE replica_of_id = ? AND deleted = 0 ORDER BY seq')
    .all(id) as InstanceRow[]
}

type Patch = Partial<Omit<InstanceRow, 'seq' | 'id'>>

export function updateInstance(db: Db, id: string, patch: Patch): void {
  const keys = Object.keys(patch)
  if (keys.length === 0) return
  const sets = keys.map((k) => `${k} = @${k}`).join(', ')
  db.prepare(`UPDATE instances SET ${sets} WHERE id = @id`).run({ ...patch, id })
}

export function nextInstanceSeq(db: Db): number {
  const r = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'instances'").get() as
    { seq: number } | undefined
  return (r?.seq ?? 0) + 1
}

export interface DatabaseDef {
  name: string
  character_set?: string | undefined
  collate?: string | undefined
}
export function insertInstanceDatabases(db: Db, instanceId: string, dbs: DatabaseDef[]): void {
  const stmt = db.prepare(
    'INSERT INTO instance_databases (instance_id, name, character_set, collation) VALUES (?, ?, ?, ?)',
  )
  for (const d of dbs) stmt.run(instanceId, d.name, d.character_set ?? null, d.collate ?? null)
}
export interface UserDef {
  name: string
  host: string
  password_hash: string
  databases: string[]
}
export function insertInstanceUsers(db: Db, instanceId: string, users: UserDef[]): void {
  const stmt = db.prepare(
    'INSERT INTO instance_users (instance_id, name, host, password_hash, databases) VALUES (?, ?, ?, ?, ?)',
  )
  for (const u of users)
    stmt.run(instanceId, u.name, u.host, u.password_hash, JSON.stringify(u.databases))
}

export interface ConfigurationRef {
  id: string
  name: string
  datastore_version_id: string
}
export function findConfiguration(
  db: Db,
  id: string,
  projectId: string,
  region: string,
): ConfigurationRef | undefined {
  return db
    .prepare(
      `SELECT id, name, datastore_version_id FROM configurations
       WHERE id = ? AND project_id = ? AND region = ? AND deleted = 0`,
    )
    .get(id, projectId, region) as ConfigurationRef | undefined
}
export function configurationName(db: Db, id: string): string | undefined {
  const r = db.prepare('SELECT name FROM configurations WHERE id = ?').get(id) as
    { name: string } | undefined
  return r?.name
}

export interface BackupRef {
  id: string
  status: string
  size: number | null
  datastore_version_id: string | null
}
export function findBackup(
  db: Db,
  id: string,
  projectId: string,
  region: string,
): BackupRef | undefined {
  return db
    .prepare(
      `SELECT id, status, size, datastore_version_id FROM backups
       WHERE id = ? AND project_id = ? AND region = ? AND deleted = 0`,
    )
    .get(id, projectId, region) as BackupRef | undefined
}
export function runningBackupFor(db: Db, instanceId: string): boolean {
  return (
    db
      .prepare(
        "SELECT 1 FROM backups WHERE instance_id = ? AND deleted = 0 AND status IN ('NEW','BUILDING','SAVING') LIMIT 1",
      )
      .get(instanceId) !== undefined
  )
}
export function failBackupsFor(db: Db, instanceId: string, now: number): void {
  db.prepare(
    "UPDATE backups SET status = 'FAILED', updated = ? WHERE instance_id = ? AND deleted = 0 AND status IN ('NEW','BUILDING','SAVING')",
  ).run(now, instanceId)
}
