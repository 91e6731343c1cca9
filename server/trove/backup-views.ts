import type { Db } from '../store/db'
import { datastoreById, versionById } from '../store/catalog-queries'
import type { BackupRow, BackupStrategyRow } from '../store/backup-queries'
import { troveTime } from '../http-util'
import type { ResponseBody } from '../respond'
import type { backupSchema, backupStrategySchema } from '../../src/api/backups/schemas'

/**
 * Trove 18's BackupView: id, name, description, locationRef, instance_id, created, updated, size,
 * status, parent_id, project_id and, when the backup has a datastore version,
 * datastore {type, version, version_id}. HA backups add Rackspace's `source` {type: 'ha', id}.
 */
export function backupView(db: Db, b: BackupRow): ResponseBody<typeof backupSchema> {
  const view: ResponseBody<typeof backupSchema> = {
    id: b.id,
    name: b.name,
    description: b.description,
    locationRef: b.location_ref,
    instance_id: b.instance_id,
    created: troveTime(b.created),
    updated: troveTime(b.updated),
    size: b.size,
    status: b.status,
    parent_id: b.parent_id,
    project_id: b.project_id,
  }
  if (b.datastore_version_id) {
    const v = versionById(db, b.datastore_version_id)
    const ds = v ? datastoreById(db, v.datastore_id) : undefined
    if (v && ds) view.datastore = { type: ds.name, version: v.name, version_id: v.id }
  }
  if (b.source_type === 'ha') view.source = { type: 'ha', id: b.source_id }
  return view
}

/** Trove's BackupStrategyView. */
export function backupStrategyView(
  s: BackupStrategyRow,
): ResponseBody<typeof backupStrategySchema> {
  return {
    project_id: s.project_id,
    instance_id: s.instance_id,
    backend: s.backend,
    swift_container: s.swift_container,
  }
}
