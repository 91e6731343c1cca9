import type { Db } from './db'
import type { InstanceRow } from './instance-queries'

/* ------------------------------------------------------------ mgmt instances */

export interface MgmtInstanceFilter {
  region: string
  /** true: only deleted; false: only live; undefined: both (Trove's `deleted` query). */
  deleted: boolean | undefined
  /** Trove's `project_id` query. */
  projectId: string | undefined
}

/** Every project's instances in a region (Trove's mgmt index does not page). */
export function listMgmtInstances(db: Db, f: MgmtInstanceFilter): InstanceRow[] {
  const deleted = f.deleted === undefined ? null : f.deleted ? 1 : 0
  return db
    .prepare(
      `SELECT * FROM instances WHERE region = ? AND (? IS NULL OR deleted = ?)
       AND (? IS NULL OR project_id = ?) ORDER BY created DESC, seq DESC`,
    )
    .all(f.region, deleted, deleted, f.projectId ?? null, f.projectId ?? null) as InstanceRow[]
}

/**
 * A page of the list above, in the same order (newest first), after the instance `marker`
 * (a console extension: Trove 18's mgmt index does not page). null: the marker is not listed.
 */
export function pageMgmtInstances(
  db: Db,
  f: MgmtInstanceFilter,
  limit: number,
  marker: string | undefined,
): { rows: InstanceRow[]; more: boolean } | null {
  const deleted = f.deleted === undefined ? null : f.deleted ? 1 : 0
  let after: { created: number; seq: number } | null = null
  if (marker !== undefined) {
    const m = db
      .prepare('SELECT created, seq FROM instances WHERE id = ? AND region = ?')
      .get(marker, f.region) as { created: number; seq: number } | undefined
    if (!m) return null
    after = m
  }
  const rows = db
    .prepare(
      `SELECT * FROM instances WHERE region = ? AND (? IS NULL OR deleted = ?)
       AND (? IS NULL OR project_id = ?)
       AND (? IS NULL OR created < ? OR (created = ? AND seq < ?))
       ORDER BY created DESC, seq DESC LIMIT ?`,
    )
    .all(
      f.region,
      deleted,
      deleted,
      f.projectId ?? null,
      f.projectId ?? null,
      after?.created ?? null,
      after?.created ?? null,
      after?.created ?? null,
      after?.seq ?? null,
      limit + 1,
    ) as InstanceRow[]
  const more = rows.length > limit
  return { rows: more ? rows.slice(0, limit) : rows, more }
}

/** Sequence number and recorded host of every live instance in a region (host counts). */
export function liveInstanceHosts(db: Db, region: string): { seq: number; host: string | null }[] {
  return db
    .prepare('SELECT seq, host FROM instances WHERE region = ? AND deleted = 0')
    .all(region) as { seq: number; host: string | null }[]
}

/** An instance of any project in a region, live (or deleted too when asked). */
export function findMgmtInstance(
  db: Db,
  id: string,
  region: string,
  includeDeleted: boolean,
): InstanceRow | undefined {
  return db
    .prepare('SELECT * FROM instances WHERE id = ? AND region = ? AND (deleted = 0 OR ?)')
    .get(id, region, includeDeleted ? 1 : 0) as InstanceRow | undefined
}

/** The compute host the instance's server runs on (NULL until a migrate placed it). */
export function instanceHost(db: Db, id: string): string | null {
  const r = db.prepare('SELECT host FROM instances WHERE id = ?').get(id) as
    { host: string | null } | undefined
  return r?.host ?? null
}

export function setInstanceHost(db: Db, id: string, host: string): void {
  db.prepare('UPDATE instances SET host = ? WHERE id = ?').run(host, id)
}

/* -------------------------------------------------------- datastore versions */

export interface MgmtVersionRow {
  id: string
  name: string
  version: string
  datastore_id: string
  datastore_name: string
  manager: string
  image_id: string
  image_tags: string
  packages: string
  active: number
  is_default: number
}

const VERSION_SELECT = `
  SELECT v.id, v.name, v.version, v.datastore_id, d.name AS datastore_name,
    COALESCE(v.manager, d.manager) AS manager, v.image_id, v.image_tags, v.packages, v.active,
    CASE WHEN d.default_version_id = v.id THEN 1 ELSE 0 END AS is_default
  FROM datastore_versions v JOIN datastores d ON d.id = v.datastore_id
  WHERE d.name <> '__deleted__'`

/** Every datastore version, active or not, in catalog order. */
export function listMgmtVersions(db: Db): MgmtVersionRow[] {
  return db.prepare(`${VERSION_SELECT} ORDER BY d.position, v.position`).all() as MgmtVersionRow[]
}

export function mgmtVersionById(db: Db, id: string): MgmtVersionRow | undefined {
  return db.prepare(`${VERSION_SELECT} AND v.id = ?`).get(id) as MgmtVersionRow | undefined
}

/** A version of a datastore by name (the spine keeps names unique per datastore). */
export function mgmtVersionByName(
  db: Db,
  datastoreId: string,
  name: string,
): MgmtVersionRow | undefined {
  return db
    .prepare(`${VERSION_SELECT} AND v.datastore_id = ? AND v.name = ?`)
    .get(datastoreId, name) as MgmtVersionRow | undefined
}

/** Creates a datastore (Trove does so when a version names an unknown one); returns its id. */
export function insertDatastore(db: Db, id: string, name: string, manager: string): void {
  const r = db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM datastores').get() as {
    p: number
  }
  db.prepare('INSERT INTO datastores (id, name, manager, position) VALUES (?, ?, ?, ?)').run(
    id,
    name,
    manager,
    r.p,
  )
}

export interface NewMgmtVersion {
  id: string
  datastore_id: string
  name: string
  version: string
  manager: string
  image_id: string
  image_tags: string
  packages: string
  active: number
}

export function insertMgmtVersion(db: Db, v: NewMgmtVersion): void {
  const r = db
    .prepare(
      'SELECT COALESCE(MAX(position), -1) + 1 AS p FROM datastore_versions WHERE datastore_id = ?',
    )
    .get(v.datastore_id) as { p: number }
  db.prepare(
    `INSERT INTO datastore_versions (id, datastore_id, name, version, active, image_id, position,
       manager, image_tags, packages, registered_by)
     VALUES (@id, @datastore_id, @name, @version, @active, @image_id, @position, @manager,
       @image_tags, @packages, 'mgmt')`,
  ).run({ ...v, position: r.p })
}

export function updateMgmtVersion(
  db: Db,
  id: string,
  patch: Partial<
    Pick<NewMgmtVersion, 'name' | 'manager' | 'image_id' | 'image_tags' | 'packages' | 'active'>
  >,
): void {
  const keys = Object.keys(patch)
  if (keys.length === 0) return
  const sets = keys.map((k) => `${k} = @${k}`).join(', ')
  db.prepare(`UPDATE datastore_versions SET ${sets} WHERE id = @id`).run({ ...patch, id })
}

export function setDefaultVersion(db: Db, datastoreId: string, versionId: string | null): void {
  db.prepare('UPDATE datastores SET default_version_id = ? WHERE id = ?').run(
    versionId,
    datastoreId,
  )
}

/** What still uses a version (Trove refuses to delete it then), or null. */
export function versionInUseBy(
  db: Db,
  versionId: string,
): 'instance' | 'backup' | 'configuration' | null {
  const uses = [
    ['instance', 'SELECT 1 FROM instances WHERE datastore_version_id = ? AND deleted = 0 LIMIT 1'],
    ['backup', 'SELECT 1 FROM backups WHERE datastore_version_id = ? AND deleted = 0 LIMIT 1'],
    [
      'configuration',
      'SELECT 1 FROM configurations WHERE datastore_version_id = ? AND deleted = 0 LIMIT 1',
    ],
  ] as const
  for (const [what, sql] of uses) {
    if (db.prepare(sql).get(versionId) !== undefined) return what
  }
  return null
}

/**
 * Deletes a version with its parameters. Rows that still name it (deleted instances, backups,
 * groups; parameters) keep their history, so the version row itself is hidden by renaming it
 * out of the way only when something references it; otherwise it is removed.
 */
export function deleteMgmtVersion(db: Db, versionId: string, now: number): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE datastore_configuration_parameters SET deleted = 1, deleted_at = ?
       WHERE datastore_version_id = ? AND deleted = 0`,
    ).run(now, versionId)
    db.prepare('UPDATE datastores SET default_version_id = NULL WHERE default_version_id = ?').run(
      versionId,
    )
    const referenced = [
      'SELECT 1 FROM instances WHERE datastore_version_id = ? LIMIT 1',
      'SELECT 1 FROM backups WHERE datastore_version_id = ? LIMIT 1',
      'SELECT 1 FROM configurations WHERE datastore_version_id = ? LIMIT 1',
      'SELECT 1 FROM datastore_configuration_parameters WHERE datastore_version_id = ? LIMIT 1',
    ].some((sql) => db.prepare(sql).get(versionId) !== undefined)
    if (referenced) {
      // Keep the row for the history that points at it, but out of every catalog listing.
      db.prepare(
        `UPDATE datastore_versions SET datastore_id = ?, name = ?, active = 0 WHERE id = ?`,
      ).run(retiredDatastoreId(db), `${versionId}`, versionId)
    } else {
      db.prepare('DELETE FROM datastore_versions WHERE id = ?').run(versionId)
    }
  })()
}

const RETIRED_DATASTORE = '__deleted__'

/** A hidden datastore that holds deleted versions still referenced by history rows. */
function retiredDatastoreId(db: Db): string {
  const r = db.prepare('SELECT id FROM datastores WHERE name = ?').get(RETIRED_DATASTORE) as
    { id: string } | undefined
  if (r) return r.id
  db.prepare('INSERT INTO datastores (id, name, manager, position) VALUES (?, ?, ?, 1000000)').run(
    RETIRED_DATASTORE,
    RETIRED_DATASTORE,
    '',
  )
  return RETIRED_DATASTORE
}

export function isRetiredDatastore(name: string): boolean {
  return name === RETIRED_DATASTORE
}

export function countVersionsOf(db: Db, datastoreId: string): number {
  const r = db
    .prepare('SELECT COUNT(*) AS n FROM datastore_versions WHERE datastore_id = ?')
    .get(datastoreId) as { n: number }
  return r.n
}

export function deleteDatastore(db: Db, datastoreId: string): void {
  db.prepare('DELETE FROM datastores WHERE id = ?').run(datastoreId)
}
