import type { Db } from './db'

export interface BackupRow {
  id: string
  project_id: string
  region: string
  instance_id: string | null
  name: string
  description: string | null
  status: string
  size: number | null
  datastore_version_id: string | null
  parent_id: string | null
  location_ref: string | null
  created: number
  updated: number
  deleted: number
  swift_container: string | null
  source_type: string | null
  source_id: string | null
  origin_id: string | null
  due_at: number | null
  deleted_at: number | null
  /** When a requested delete removes the backup (Trove's task manager does it asynchronously). */
  delete_due_at: number | null
}

export type NewBackup = Omit<BackupRow, 'deleted' | 'deleted_at' | 'delete_due_at'>

/** Trove's RUNNING_STATES: a backup in one of these keeps its instance in BACKUP. */
export const RUNNING_BACKUP_STATES = ['NEW', 'BUILDING', 'SAVING'] as const
export const isRunningBackup = (status: string): boolean =>
  (RUNNING_BACKUP_STATES as readonly string[]).includes(status)

export function insertBackup(db: Db, row: NewBackup): void {
  db.prepare(
    `INSERT INTO backups (id, project_id, region, instance_id, name, description, status, size,
       datastore_version_id, parent_id, location_ref, created, updated, swift_container,
       source_type, source_id, origin_id, due_at)
     VALUES (@id, @project_id, @region, @instance_id, @name, @description, @status, @size,
       @datastore_version_id, @parent_id, @location_ref, @created, @updated, @swift_container,
       @source_type, @source_id, @origin_id, @due_at)`,
  ).run(row)
}

export function backupRowById(db: Db, id: string): BackupRow | undefined {
  return db.prepare('SELECT * FROM backups WHERE id = ?').get(id) as BackupRow | undefined
}

/** A live backup by id in a region; `projectId` null means any project (admin). */
export function findBackupRow(
  db: Db,
  id: string,
  region: string,
  projectId: string | null,
): BackupRow | undefined {
  return db
    .prepare(
      `SELECT * FROM backups WHERE id = ? AND region = ? AND deleted = 0
       AND (? IS NULL OR project_id = ?)`,
    )
    .get(id, region, projectId, projectId) as BackupRow | undefined
}

type Patch = Partial<Omit<BackupRow, 'id'>>

export function updateBackup(db: Db, id: string, patch: Patch): void {
  const keys = Object.keys(patch)
  if (keys.length === 0) return
  const sets = keys.map((k) => `${k} = @${k}`).join(', ')
  db.prepare(`UPDATE backups SET ${sets} WHERE id = @id`).run({ ...patch, id })
}

export interface BackupFilter {
  region: string
  /** null: every project (admin with all_projects). */
  projectId: string | null
  instanceId?: string | undefined
  datastoreId?: string | undefined
  /** Rackspace HA group id: backups whose source is this group. */
  haId?: string | undefined
}

function where(f: BackupFilter): { sql: string; args: unknown[] } {
  const parts = ['b.region = ?', 'b.deleted = 0']
  const args: unknown[] = [f.region]
  if (f.projectId !== null) {
    parts.push('b.project_id = ?')
    args.push(f.projectId)
  }
  if (f.instanceId !== undefined) {
    parts.push('b.instance_id = ?')
    args.push(f.instanceId)
  }
  if (f.haId !== undefined) {
    parts.push("b.source_type = 'ha' AND b.source_id = ?")
    args.push(f.haId)
  }
  if (f.datastoreId !== undefined) {
    parts.push(
      'b.datastore_version_id IN (SELECT id FROM datastore_versions WHERE datastore_id = ?)',
    )
    args.push(f.datastoreId)
  }
  return { sql: parts.join(' AND '), args }
}

/**
 * One page of backups, newest first (created, then insertion order), after `marker` (an id of
 * the same filtered list). Returns null when the marker is not in the list.
 */
export function pageBackups(
  db: Db,
  f: BackupFilter,
  limit: number,
  marker: string | undefined,
): { rows: BackupRow[]; more: boolean } | null {
  const w = where(f)
  let after = ''
  const args = [...w.args]
  if (marker !== undefined) {
    const m = db
      .prepare(
        `SELECT b.created AS created, b.rowid AS rid FROM backups b WHERE ${w.sql} AND b.id = ?`,
      )
      .get(...w.args, marker) as { created: number; rid: number } | undefined
    if (!m) return null
    after = ' AND (b.created < ? OR (b.created = ? AND b.rowid < ?))'
    args.push(m.created, m.created, m.rid)
  }
  const rows = db
    .prepare(
      `SELECT b.* FROM backups b WHERE ${w.sql}${after} ORDER BY b.created DESC, b.rowid DESC LIMIT ?`,
    )
    .all(...args, limit + 1) as BackupRow[]
  const more = rows.length > limit
  return { rows: more ? rows.slice(0, limit) : rows, more }
}

/** Whether any live backup (of any project) has this HA group as its source. */
export function haHasBackups(db: Db, haId: string, region: string, projectId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM backups WHERE source_type = 'ha' AND source_id = ? AND region = ?
         AND project_id = ? AND deleted = 0 LIMIT 1`,
      )
      .get(haId, region, projectId) !== undefined
  )
}

/** A running backup of this HA group, if any. */
export function runningHaBackup(db: Db, haId: string, region: string): BackupRow | undefined {
  return db
    .prepare(
      `SELECT * FROM backups WHERE source_type = 'ha' AND source_id = ? AND region = ?
       AND deleted = 0 AND status IN ('NEW','BUILDING','SAVING') LIMIT 1`,
    )
    .get(haId, region) as BackupRow | undefined
}

/**
 * The latest COMPLETED backup of an instance (Trove's get_last_completed, incrementals
 * included), or of an HA group when `haId` is given.
 */
export function lastCompletedBackup(
  db: Db,
  scope: { region: string; projectId: string },
  of: { instanceId: string } | { haId: string },
): BackupRow | undefined {
  const byHa = 'haId' in of
  return db
    .prepare(
      `SELECT * FROM backups WHERE region = ? AND project_id = ? AND deleted = 0
       AND status = 'COMPLETED' AND ${byHa ? "source_type = 'ha' AND source_id = ?" : 'instance_id = ?'}
       ORDER BY updated DESC, rowid DESC LIMIT 1`,
    )
    .get(scope.region, scope.projectId, byHa ? of.haId : of.instanceId) as BackupRow | undefined
}

/** Every live descendant of a backup (children, grandchildren ...), parents before children. */
export function descendantsOf(db: Db, id: string): BackupRow[] {
  return db
    .prepare(
      `WITH RECURSIVE tree(id, depth) AS (
         SELECT id, 1 FROM backups WHERE parent_id = ? AND deleted = 0
         UNION ALL
         SELECT b.id, tree.depth + 1 FROM backups b JOIN tree ON b.parent_id = tree.id
         WHERE b.deleted = 0
       )
       SELECT b.* FROM backups b JOIN tree ON tree.id = b.id ORDER BY tree.depth, b.created`,
    )
    .all(id) as BackupRow[]
}

/** Records a delete request: the backups go at `dueAt` (an earlier request's time stands). */
export function scheduleBackupsDelete(db: Db, ids: readonly string[], dueAt: number): void {
  const stmt = db.prepare(
    'UPDATE backups SET delete_due_at = COALESCE(delete_due_at, ?) WHERE id = ? AND deleted = 0',
  )
  for (const id of ids) stmt.run(dueAt, id)
}

/** Backups whose requested delete is due. */
export function dueBackupDeletes(db: Db, now: number, limit = 500): string[] {
  return (
    db
      .prepare(
        `SELECT id FROM backups WHERE delete_due_at IS NOT NULL AND delete_due_at <= ?
         AND deleted = 0 ORDER BY delete_due_at LIMIT ?`,
      )
      .all(now, limit) as { id: string }[]
  ).map((r) => r.id)
}

export function markBackupsDeleted(db: Db, ids: readonly string[], now: number): void {
  const stmt = db.prepare(
    'UPDATE backups SET deleted = 1, deleted_at = ?, updated = ? WHERE id = ? AND deleted = 0',
  )
  for (const id of ids) stmt.run(now, now, id)
}

/**
 * The live backup in `region` that holds the same data as backup `originId` (the original
 * itself, or a copy of it), for placing a copied incremental on its parent.
 */
export function sameDataIn(
  db: Db,
  originId: string,
  region: string,
  projectId: string,
): BackupRow | undefined {
  return db
    .prepare(
      `SELECT * FROM backups WHERE region = ? AND project_id = ? AND deleted = 0
       AND status != 'FAILED' AND (id = ? OR origin_id = ?)
       ORDER BY (status = 'COMPLETED') DESC, created DESC LIMIT 1`,
    )
    .get(region, projectId, originId, originId) as BackupRow | undefined
}

/** Copies whose time has come (status NEW, due_at reached), oldest first. */
export function dueCopies(db: Db, now: number, limit = 500): BackupRow[] {
  return db
    .prepare(
      `SELECT * FROM backups WHERE due_at IS NOT NULL AND due_at <= ? AND deleted = 0
       AND status = 'NEW' ORDER BY due_at LIMIT ?`,
    )
    .all(now, limit) as BackupRow[]
}

/* -------------------------------------------------------- backup strategies */

export interface BackupStrategyRow {
  project_id: string
  region: string
  instance_id: string
  backend: string
  swift_container: string
  created: number
}

export function upsertBackupStrategy(
  db: Db,
  row: Omit<BackupStrategyRow, 'backend'>,
): BackupStrategyRow {
  db.prepare(
    `INSERT INTO backup_strategies (project_id, region, instance_id, backend, swift_container, created)
     VALUES (@project_id, @region, @instance_id, 'swift', @swift_container, @created)
     ON CONFLICT (project_id, region, instance_id)
     DO UPDATE SET swift_container = excluded.swift_container`,
  ).run(row)
  return db
    .prepare(
      'SELECT * FROM backup_strategies WHERE project_id = ? AND region = ? AND instance_id = ?',
    )
    .get(row.project_id, row.region, row.instance_id) as BackupStrategyRow
}

export function listBackupStrategies(
  db: Db,
  projectId: string,
  region: string,
  instanceId?: string,
): BackupStrategyRow[] {
  return db
    .prepare(
      `SELECT * FROM backup_strategies WHERE project_id = ? AND region = ?
       AND (? IS NULL OR instance_id = ?) ORDER BY instance_id != '', created, instance_id`,
    )
    .all(projectId, region, instanceId ?? null, instanceId ?? null) as BackupStrategyRow[]
}

export function deleteBackupStrategy(
  db: Db,
  projectId: string,
  region: string,
  instanceId: string,
): void {
  db.prepare(
    'DELETE FROM backup_strategies WHERE project_id = ? AND region = ? AND instance_id = ?',
  ).run(projectId, region, instanceId)
}

/** Trove's BackupStrategy.get: the instance's strategy, else the project-wide one. */
export function strategyContainerFor(
  db: Db,
  projectId: string,
  region: string,
  instanceId: string,
): string | undefined {
  const r = db
    .prepare(
      `SELECT swift_container FROM backup_strategies WHERE project_id = ? AND region = ?
       AND instance_id IN (?, '') ORDER BY instance_id = '' LIMIT 1`,
    )
    .get(projectId, region, instanceId) as { swift_container: string } | undefined
  return r?.swift_container
}
