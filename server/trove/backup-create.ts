import { createBackupRequestSchema } from '../../src/api/backups/schemas'
import type { Db } from '../store/db'
import { versionById } from '../store/catalog-queries'
import {
  findInstance,
  replicasOf,
  runningBackupFor,
  type InstanceRow,
} from '../store/instance-queries'
import {
  findBackupRow,
  lastCompletedBackup,
  runningHaBackup,
  strategyContainerFor,
  type BackupRow,
} from '../store/backup-queries'
import { quotaOvers } from '../store/quota-queries'
import { actionBlocker } from '../engine/status-model'
import { isPlainObject } from '../http-util'
import { badRequest, notAvailable, notFound, quotaExceeded } from './errors'
import { validationMessage } from './validation-message'

export interface BackupScope {
  db: Db
  projectId: string
  region: string
}

/** A backup create request that passed every check: what to write. */
export type BackupPlan =
  | {
      kind: 'instance'
      name: string
      description: string | null
      /** The instance whose data is backed up (for HA: the chosen replica). */
      instance: InstanceRow
      parent: BackupRow | null
      swiftContainer: string | null
      source: { type: 'instance' | 'ha'; id: string }
    }
  | {
      kind: 'restore_from'
      name: string
      description: string | null
      remoteLocation: string
      datastoreVersionId: string
      size: number
    }

/** Python's shlex.quote leaves these alone; Trove's validate_command refuses anything else. */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/**
 * The member of an HA group a backup is taken from: the newest replica that can run an action
 * ("the latest replica instance, the one closest to the source").
 */
function haMember(db: Db, primary: InstanceRow): InstanceRow {
  const replicas = replicasOf(db, primary.id).sort((a, b) => b.created - a.created || b.seq - a.seq)
  const first = replicas[0]
  if (!first) {
    throw badRequest(
      `Instance ${primary.id} is not an HA instance: it has no replicas. Back it up as an instance instead.`,
    )
  }
  for (const r of replicas) {
    if (!actionBlocker(r, runningBackupFor(db, r.id))) return r
  }
  throw notAvailable(first.id, actionBlocker(first, runningBackupFor(db, first.id)) ?? '')
}

/**
 * Trove's backup create checks, in Trove's order (trove/backup/service.py, models.py): schema,
 * swift container, instance given, instance found and able to act, parent, quota. Rackspace's
 * `source` {type: 'ha', id} backs up an HA group: here an instance with replicas, identified by
 * the primary's id. Throws the TroveFault a real cloud would answer; writes nothing.
 */
export function validateBackupCreate(scope: BackupScope, body: unknown): BackupPlan {
  const { db, projectId, region } = scope
  if (!isPlainObject(body))
    throw badRequest('The request body must be a JSON object: {"backup": {...}}.')
  const parsed = createBackupRequestSchema.safeParse(body)
  if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
  const req = parsed.data.backup
  const name = req.name
  const description = req.description ?? null

  let swiftContainer = req.swift_container ?? null
  if (swiftContainer !== null && !SHELL_SAFE.test(swiftContainer)) {
    throw badRequest(`The value is not allowed: ${swiftContainer}.`)
  }

  if (req.restore_from) {
    const v = versionById(db, req.restore_from.local_datastore_version_id)
    if (!v) {
      throw badRequest(
        `Datastore version '${req.restore_from.local_datastore_version_id}' cannot be found.`,
      )
    }
    if (quotaOvers(db, projectId, region, { backups: 1 }).length > 0)
      throw quotaExceeded(['backups'])
    return {
      kind: 'restore_from',
      name,
      description,
      remoteLocation: req.restore_from.remote_location,
      datastoreVersionId: v.id,
      size: req.restore_from.size,
    }
  }

  const source =
    req.source ?? (req.instance ? { type: 'instance' as const, id: req.instance } : undefined)
  if (!source) throw badRequest('instance is missing.')

  let instance: InstanceRow
  if (source.type === 'ha') {
    const primary = findInstance(db, source.id, region, projectId)
    if (!primary) throw notFound(source.id)
    if (primary.replica_of_id) {
      throw badRequest(
        `Instance ${primary.id} is a replica; an HA group is named by its primary instance, ${primary.replica_of_id}.`,
      )
    }
    const running = runningHaBackup(db, primary.id, region)
    if (running) throw notAvailable(primary.id, 'instance status was BACKUP')
    instance = haMember(db, primary)
  } else {
    const found = findInstance(db, source.id, region, projectId)
    if (!found) throw notFound(source.id)
    const blocker = actionBlocker(found, runningBackupFor(db, found.id))
    if (blocker) throw notAvailable(found.id, blocker)
    instance = found
  }

  let parent: BackupRow | null = null
  if (req.parent_id) {
    parent = findBackupRow(db, req.parent_id, region, projectId) ?? null
    if (!parent) throw notFound(req.parent_id)
    const sameSource =
      source.type === 'ha'
        ? parent.source_type === 'ha' && parent.source_id === source.id
        : parent.instance_id === instance.id
    if (!sameSource) {
      throw badRequest(
        `Backup ${parent.id} was not taken from ${source.type === 'ha' ? 'HA instance' : 'instance'} ${source.id}: an incremental backup's parent must be a backup of the same ${source.type === 'ha' ? 'HA instance' : 'instance'}.`,
      )
    }
    if (parent.status !== 'COMPLETED') {
      throw badRequest(
        `Backup ${parent.id} is ${parent.status}: an incremental backup needs a COMPLETED parent.`,
      )
    }
  } else if (req.incremental === 1) {
    parent =
      lastCompletedBackup(
        db,
        { region, projectId },
        source.type === 'ha' ? { haId: source.id } : { instanceId: instance.id },
      ) ?? null
  }

  if (swiftContainer === null) {
    swiftContainer = strategyContainerFor(db, projectId, region, source.id) ?? null
  }

  if (quotaOvers(db, projectId, region, { backups: 1 }).length > 0) throw quotaExceeded(['backups'])

  return { kind: 'instance', name, description, instance, parent, swiftContainer, source }
}
