import type { Db } from './db'

export interface RegionRow {
  id: string
  description: string
}
export interface DatastoreRow {
  id: string
  name: string
  manager: string
  default_version_id: string | null
}
export interface DatastoreVersionRow {
  id: string
  datastore_id: string
  name: string
  version: string
  active: number
  image_id: string
  /** Comma-joined, as Trove stores them. */
  image_tags: string
  packages: string
}
export interface FlavorRow {
  id: string
  name: string
  ram: number
  vcpus: number
  disk: number
  ephemeral: number
}

export function listRegions(db: Db): RegionRow[] {
  return db.prepare('SELECT id, description FROM regions ORDER BY position').all() as RegionRow[]
}
export function regionExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM regions WHERE id = ?').get(id) !== undefined
}

export function listDatastores(db: Db): DatastoreRow[] {
  return db
    .prepare('SELECT id, name, manager, default_version_id FROM datastores ORDER BY position')
    .all() as DatastoreRow[]
}
/** A datastore by id or by name (Trove accepts both). */
export function findDatastore(db: Db, idOrName: string): DatastoreRow | undefined {
  return db
    .prepare(
      'SELECT id, name, manager, default_version_id FROM datastores WHERE id = ? OR name = ?',
    )
    .get(idOrName, idOrName) as DatastoreRow | undefined
}
export function datastoreById(db: Db, id: string): DatastoreRow | undefined {
  return db
    .prepare('SELECT id, name, manager, default_version_id FROM datastores WHERE id = ?')
    .get(id) as DatastoreRow | undefined
}

export function listVersions(
  db: Db,
  datastoreId: string,
  onlyActive: boolean,
): DatastoreVersionRow[] {
  return db
    .prepare(
      `SELECT id, datastore_id, name, version, active, image_id, image_tags, packages FROM datastore_versions
       WHERE datastore_id = ? AND (active = 1 OR ?) ORDER BY position`,
    )
    .all(datastoreId, onlyActive ? 0 : 1) as DatastoreVersionRow[]
}
/** A version of a datastore by id or by name. */
export function findVersion(
  db: Db,
  datastoreId: string,
  idOrName: string,
): DatastoreVersionRow | undefined {
  return db
    .prepare(
      `SELECT id, datastore_id, name, version, active, image_id, image_tags, packages FROM datastore_versions
       WHERE datastore_id = ? AND (id = ? OR name = ?) ORDER BY position LIMIT 1`,
    )
    .get(datastoreId, idOrName, idOrName) as DatastoreVersionRow | undefined
}
export function findVersionByNumber(
  db: Db,
  datastoreId: string,
  versionNumber: string,
): DatastoreVersionRow[] {
  return db
    .prepare(
      `SELECT id, datastore_id, name, version, active, image_id, image_tags, packages FROM datastore_versions
       WHERE datastore_id = ? AND version = ? ORDER BY position`,
    )
    .all(datastoreId, versionNumber) as DatastoreVersionRow[]
}
export function versionById(db: Db, id: string): DatastoreVersionRow | undefined {
  return db
    .prepare(
      'SELECT id, datastore_id, name, version, active, image_id, image_tags, packages FROM datastore_versions WHERE id = ?',
    )
    .get(id) as DatastoreVersionRow | undefined
}

export function listFlavors(db: Db): FlavorRow[] {
  return db
    .prepare('SELECT id, name, ram, vcpus, disk, ephemeral FROM flavors ORDER BY position')
    .all() as FlavorRow[]
}
export function flavorById(db: Db, id: string): FlavorRow | undefined {
  return db
    .prepare('SELECT id, name, ram, vcpus, disk, ephemeral FROM flavors WHERE id = ?')
    .get(id) as FlavorRow | undefined
}
