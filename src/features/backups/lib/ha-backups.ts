import type { Backup, CreateBackupRequest } from '@/api/backups/schemas'
import type { CreateBackupValues } from './create-backup.schema'
import { toCreateBackupRequest } from './create-backup.schema'

/**
 * An HA group's backups as shown: the group's list (`/ha/{haId}/backups`) with each row's fresher
 * copy from the project's list (the poller keeps that one current while a backup runs), plus
 * backups of the group the project's list has and the group's list not yet (just created).
 */
export function haBackupRows(
  haId: string,
  haList: readonly Backup[],
  projectList: readonly Backup[],
): Backup[] {
  const fresh = new Map(projectList.map((b) => [b.id, b]))
  const rows = haList.map((b) => fresh.get(b.id) ?? b)
  const seen = new Set(rows.map((b) => b.id))
  for (const b of projectList) {
    if (!seen.has(b.id) && b.source?.type === 'ha' && b.source.id === haId) rows.push(b)
  }
  return rows
}

/** The `POST /backups` body of an HA backup: Rackspace's `source`, no `instance`. */
export function toCreateHaBackupRequest(haId: string, v: CreateBackupValues): CreateBackupRequest {
  const { backup } = toCreateBackupRequest({ ...v, instanceId: haId })
  const { instance: _instance, ...rest } = backup
  return { backup: { ...rest, source: { type: 'ha', id: haId } } }
}

/** Why an HA backup cannot be created of this instance now, or undefined. */
export function haCreateBlocked(instance: {
  replicas?: readonly unknown[] | undefined
  replica_of?: unknown
}): string | undefined {
  if (instance.replica_of)
    return 'This instance is a replica: back up its HA group from the primary.'
  if (!instance.replicas?.length)
    return 'This instance has no replicas, so it is not an HA group: add a replica on the Replication tab, or back up the instance itself above.'
  return undefined
}
