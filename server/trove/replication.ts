import type { Db } from '../store/db'
import { findVersion, versionById } from '../store/catalog-queries'
import {
  instanceById,
  replicasOf,
  runningBackupFor,
  updateInstance,
  type InstanceRow,
} from '../store/instance-queries'
import { actionBlocker, publicStatus, taskInfo } from '../engine/status-model'
import type { Engine } from '../engine/engine'
import type { ReplicationPayload } from '../engine/replication-task-kinds'
import { badRequest, notAvailable } from './errors'

/**
 * Replication and upgrade (Trove 18 `Instance.promote_to_replica_source`,
 * `eject_replica_source`, `detach_replica`, `upgrade`): the checks, then the transitional
 * statuses written at once and one engine task that settles the whole set.
 */
export interface ReplicationDeps {
  db: Db
  engine: Engine
  now: number
}

/** Service states in which the guest agent still sends heartbeats (the source is alive). */
const HEARTBEAT_SERVICE = new Set([
  'RUNNING',
  'HEALTHY',
  'BLOCKED',
  'RESTART_REQUIRED',
  'RESTARTING',
  'PROMOTING',
  'EJECTING',
  'LOGGING',
  'UPGRADING',
  'BUILDING',
])

/** True when the instance's guest is alive: server up, no error task, a live service state. */
export function hasHeartbeat(row: InstanceRow): boolean {
  if (taskInfo(row.task_status).isError) return false
  if (row.server_status !== 'ACTIVE') return false
  return HEARTBEAT_SERVICE.has(row.service_status)
}

/** A running (non-error) task other than RESTART_REQUIRED, as Trove names it; else null. */
function runningTask(row: InstanceRow): string | null {
  if (row.task_status === 'NONE' || row.task_status === 'RESTART_REQUIRED') return null
  const info = taskInfo(row.task_status)
  return info.isError ? null : info.action
}

function setMembers(
  deps: ReplicationDeps,
  members: InstanceRow[],
  task: 'PROMOTING' | 'EJECTING',
  message: string,
) {
  for (const m of members) {
    const before = publicStatus(m, runningBackupFor(deps.db, m.id))
    updateInstance(deps.db, m.id, { task_status: task, updated: deps.now })
    deps.engine.recordEvent(m.id, before, task === 'PROMOTING' ? 'PROMOTE' : 'EJECT', message)
  }
}

/**
 * The replica with the most current copy of the source, the one an eject elects: among the
 * healthy replicas, the one that has replicated longest (earliest created), then the lowest
 * sequence number. Undefined when none is healthy.
 */
export function mostCurrentReplica(replicas: InstanceRow[]): InstanceRow | undefined {
  return replicas
    .filter((r) => hasHeartbeat(r) && runningTask(r) === null)
    .sort((a, b) => a.created - b.created || a.seq - b.seq)[0]
}

/** `promote_to_replica_source` on a replica: it becomes the source, the old source its replica. */
export function promoteToReplicaSource(deps: ReplicationDeps, row: InstanceRow): void {
  const blocker = actionBlocker(row, runningBackupFor(deps.db, row.id))
  if (blocker) throw notAvailable(row.id, blocker)
  if (!row.replica_of_id) throw badRequest(`Instance ${row.id} is not a replica.`)
  const primary = instanceById(deps.db, row.replica_of_id)
  if (!primary || primary.deleted) throw badRequest(`Instance ${row.id} is not a replica.`)
  const primaryBlocker = actionBlocker(primary, runningBackupFor(deps.db, primary.id))
  if (primaryBlocker) {
    throw notAvailable(primary.id, `replica source: ${primaryBlocker}`)
  }
  const members = [primary, ...replicasOf(deps.db, primary.id)]
  for (const m of members) {
    const task = runningTask(m)
    if (task) throw notAvailable(m.id, `task status was ${task}`)
  }
  const payload: ReplicationPayload = {
    newPrimary: row.id,
    oldPrimary: primary.id,
    members: members.map((m) => m.id),
  }
  deps.db.transaction(() => {
    setMembers(deps, members, 'PROMOTING', `Promoting ${row.id} to replica source.`)
    deps.engine.schedule(row.id, 'promote', { ...payload })
  })()
}

/**
 * `eject_replica_source` on a source that stopped answering: the most current replica is
 * elected the new source, the other replicas follow it, the old source leaves the set.
 */
export function ejectReplicaSource(deps: ReplicationDeps, row: InstanceRow): void {
  const replicas = replicasOf(deps.db, row.id)
  if (replicas.length === 0) throw badRequest(`Instance ${row.id} is not a replica source.`)
  const task = runningTask(row)
  if (task) throw notAvailable(row.id, `task status was ${task}`)
  if (hasHeartbeat(row)) {
    throw badRequest(`Replica Source ${row.id} cannot be ejected as it has a current heartbeat`)
  }
  for (const r of replicas) {
    const t = runningTask(r)
    if (t) throw notAvailable(r.id, `task status was ${t}`)
  }
  const elected = mostCurrentReplica(replicas)
  if (!elected) {
    throw badRequest(
      `No replica of ${row.id} is healthy enough to become the replica source; repair or detach them.`,
    )
  }
  const payload: ReplicationPayload = {
    newPrimary: elected.id,
    oldPrimary: row.id,
    members: [row.id, ...replicas.map((r) => r.id)],
    oldPrimaryTask: row.task_status,
  }
  deps.db.transaction(() => {
    setMembers(deps, [row, ...replicas], 'EJECTING', `Ejecting replica source ${row.id}.`)
    deps.engine.schedule(row.id, 'eject', { ...payload })
  })()
}

/** Detach (`{"instance": {"replica_of": null}}` or PATCH `slave_of`): DETACH, then standalone. */
export function detachReplica(deps: ReplicationDeps, row: InstanceRow): void {
  if (!row.replica_of_id) throw badRequest(`Instance ${row.id} is not a replica.`)
  const task = runningTask(row)
  if (task) throw notAvailable(row.id, `task status was ${task}`)
  const before = publicStatus(row, runningBackupFor(deps.db, row.id))
  updateInstance(deps.db, row.id, { task_status: 'DETACHING', updated: deps.now })
  deps.engine.schedule(row.id, 'detach')
  deps.engine.recordEvent(row.id, before, 'DETACH', 'Detach from the replica source requested.')
}

/**
 * Upgrade to another version of the same datastore (by id or name): active versions only.
 * Trove writes the new version at once and runs an UPGRADING task.
 */
export function upgradeDatastoreVersion(
  deps: ReplicationDeps,
  row: InstanceRow,
  ref: string,
): void {
  const current = versionById(deps.db, row.datastore_version_id)
  if (!current) throw badRequest(`Datastore version '${row.datastore_version_id}' cannot be found.`)
  const target = findVersion(deps.db, current.datastore_id, ref)
  if (!target) {
    const elsewhere = versionById(deps.db, ref)
    if (elsewhere) {
      throw badRequest(
        `Datastore version '${ref}' belongs to another datastore; an instance can only be upgraded to a version of its own datastore (${current.datastore_id}).`,
      )
    }
    throw badRequest(`Datastore version '${ref}' cannot be found.`)
  }
  if (!target.active) throw badRequest(`Datastore version '${target.name}' is not active.`)
  if (target.id === current.id) {
    throw badRequest(`The instance already runs datastore version '${target.name}'.`)
  }
  const blocker = actionBlocker(row, runningBackupFor(deps.db, row.id))
  if (blocker) throw notAvailable(row.id, blocker)
  const before = publicStatus(row)
  updateInstance(deps.db, row.id, {
    datastore_version_id: target.id,
    task_status: 'UPGRADING',
    updated: deps.now,
  })
  deps.engine.schedule(row.id, 'upgrade', { versionId: target.id, versionName: target.name })
  deps.engine.recordEvent(
    row.id,
    before,
    'UPGRADE',
    `Upgrade from datastore version ${current.name} to ${target.name} requested.`,
  )
}
