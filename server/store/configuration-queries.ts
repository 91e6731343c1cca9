import type { Db } from './db'
import { parseJson } from './db'

/* --------------------------------------------------------------- parameters */

export interface ParameterRow {
  id: string
  datastore_version_id: string
  name: string
  /** integer | string | boolean | float (Trove's data_type). */
  data_type: string
  /** Decimal text (may exceed 2^53), or null. */
  min_size: string | null
  max_size: string | null
  restart_required: number
  position: number
  deleted: number
}

export type NewParameter = Omit<ParameterRow, 'deleted'>

/** The live parameters of a datastore version, in definition order. */
export function listParameters(db: Db, versionId: string): ParameterRow[] {
  return db
    .prepare(
      `SELECT * FROM datastore_configuration_parameters
       WHERE datastore_version_id = ? AND deleted = 0 ORDER BY position, name`,
    )
    .all(versionId) as ParameterRow[]
}

/** One live parameter by exact name. */
export function findParameter(db: Db, versionId: string, name: string): ParameterRow | undefined {
  return db
    .prepare(
      `SELECT * FROM datastore_configuration_parameters
       WHERE datastore_version_id = ? AND name = ? AND deleted = 0`,
    )
    .get(versionId, name) as ParameterRow | undefined
}

export function countParameters(db: Db, versionId: string): number {
  const r = db
    .prepare(
      'SELECT COUNT(*) AS n FROM datastore_configuration_parameters WHERE datastore_version_id = ? AND deleted = 0',
    )
    .get(versionId) as { n: number }
  return r.n
}

export function insertParameters(db: Db, rows: NewParameter[]): void {
  const stmt = db.prepare(
    `INSERT INTO datastore_configuration_parameters
       (id, datastore_version_id, name, data_type, min_size, max_size, restart_required, position)
     VALUES (@id, @datastore_version_id, @name, @data_type, @min_size, @max_size,
       @restart_required, @position)`,
  )
  db.transaction(() => {
    for (const r of rows) stmt.run(r)
  })()
}

/** For the admin parameter API: change type, bounds or restart flag of a live parameter. */
export function updateParameter(
  db: Db,
  id: string,
  patch: Partial<Pick<ParameterRow, 'data_type' | 'min_size' | 'max_size' | 'restart_required'>>,
): void {
  const keys = Object.keys(patch)
  if (keys.length === 0) return
  const sets = keys.map((k) => `${k} = @${k}`).join(', ')
  db.prepare(`UPDATE datastore_configuration_parameters SET ${sets} WHERE id = @id`).run({
    ...patch,
    id,
  })
}

/** For the admin parameter API: Trove soft-deletes parameters. */
export function deleteParameter(db: Db, id: string, now: number): void {
  db.prepare(
    'UPDATE datastore_configuration_parameters SET deleted = 1, deleted_at = ? WHERE id = ?',
  ).run(now, id)
}

export function nextParameterPosition(db: Db, versionId: string): number {
  const r = db
    .prepare(
      'SELECT MAX(position) AS p FROM datastore_configuration_parameters WHERE datastore_version_id = ?',
    )
    .get(versionId) as { p: number | null }
  return (r.p ?? -1) + 1
}

/* ------------------------------------------------------- configuration groups */

export interface ConfigurationRow {
  id: string
  project_id: string
  region: string
  name: string
  description: string | null
  datastore_version_id: string
  /** JSON object of key -> value as text (Trove stores strings). */
  values: string
  created: number
  updated: number
  deleted: number
}

/** Stored values: key -> text. */
export type StoredValues = Record<string, string>

export function storedValues(row: Pick<ConfigurationRow, 'values'>): StoredValues {
  return parseJson<StoredValues>(row.values, {})
}

export function insertConfiguration(
  db: Db,
  row: Omit<ConfigurationRow, 'deleted' | 'values'> & { values: StoredValues },
): void {
  db.prepare(
    `INSERT INTO configurations (id, project_id, region, name, description, datastore_version_id,
       "values", created, updated)
     VALUES (@id, @project_id, @region, @name, @description, @datastore_version_id, @values,
       @created, @updated)`,
  ).run({ ...row, values: JSON.stringify(row.values) })
}

/** A live group in a region; `projectId` null means any project (admin). */
export function loadConfiguration(
  db: Db,
  id: string,
  region: string,
  projectId: string | null,
): ConfigurationRow | undefined {
  return db
    .prepare(
      `SELECT * FROM configurations WHERE id = ? AND region = ? AND deleted = 0
       AND (? IS NULL OR project_id = ?)`,
    )
    .get(id, region, projectId, projectId) as ConfigurationRow | undefined
}

/** One page of a project's live groups in id order (Trove pages by id), after `marker`. */
export function pageConfigurations(
  db: Db,
  projectId: string,
  region: string,
  limit: number,
  marker: string | undefined,
): { rows: ConfigurationRow[]; more: boolean } {
  const rows = db
    .prepare(
      `SELECT * FROM configurations WHERE project_id = ? AND region = ? AND deleted = 0
       AND (? IS NULL OR id > ?) ORDER BY id LIMIT ?`,
    )
    .all(projectId, region, marker ?? null, marker ?? null, limit + 1) as ConfigurationRow[]
  const more = rows.length > limit
  return { rows: more ? rows.slice(0, limit) : rows, more }
}

export function updateConfiguration(
  db: Db,
  id: string,
  patch: { name?: string; description?: string | null; values?: StoredValues; updated: number },
): void {
  const row: Record<string, unknown> = { ...patch, id }
  if (patch.values) row.values = JSON.stringify(patch.values)
  const keys = Object.keys(patch)
  const sets = keys.map((k) => `"${k}" = @${k}`).join(', ')
  db.prepare(`UPDATE configurations SET ${sets} WHERE id = @id`).run(row)
}

export function deleteConfiguration(db: Db, id: string, now: number): void {
  db.prepare('UPDATE configurations SET deleted = 1, deleted_at = ?, updated = ? WHERE id = ?').run(
    now,
    now,
    id,
  )
}

export interface AttachedInstance {
  id: string
  name: string
  task_status: string
}

/** Live (non-terminated) instances using a group, oldest first. */
export function instancesUsing(db: Db, configurationId: string): AttachedInstance[] {
  return db
    .prepare(
      `SELECT id, name, task_status FROM instances
       WHERE configuration_id = ? AND deleted = 0 ORDER BY seq`,
    )
    .all(configurationId) as AttachedInstance[]
}
