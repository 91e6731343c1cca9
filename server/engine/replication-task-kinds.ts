import type { Db } from '../store/db'
import {
  instanceById,
  replicasOf,
  updateInstance,
  type InstanceRow,
} from '../store/instance-queries'
import { insertEvent } from '../store/task-queries'
import { publicStatus } from './status-model'
import type { StepContext, StepResult, TaskStep } from './task-kinds'

/** Seconds (at speed 1) each replication change takes; real Trove's fake is of this order. */
export const PROMOTE_SECONDS = 8
export const EJECT_SECONDS = 8
export const DETACH_SECONDS = 4
export const UPGRADE_SECONDS = 12

/**
 * Failure injection, like the build's: an instance whose name ends in `UPGRADE_ERROR` ends its
 * upgrade in ERROR (task UPGRADING_ERROR) with a fault message.
 */
export const UPGRADE_ERROR_SUFFIX = 'UPGRADE_ERROR'

/** Payload of a promote or eject task (scheduled on one member, it settles them all). */
export interface ReplicationPayload {
  /** The instance that becomes the replica source. */
  newPrimary: string
  /** The replica source before the change. */
  oldPrimary: string
  /** Every member of the set when the change started (old primary and its replicas). */
  members: string[]
  /** The old primary's task before EJECTING (an error task it keeps after the eject). */
  oldPrimaryTask?: string
}

function readPayload(ctx: StepContext): ReplicationPayload | undefined {
  const p = ctx.payload
  if (typeof p.newPrimary !== 'string' || typeof p.oldPrimary !== 'string') return undefined
  const members = Array.isArray(p.members)
    ? p.members.filter((m): m is string => typeof m === 'string')
    : []
  return {
    newPrimary: p.newPrimary,
    oldPrimary: p.oldPrimary,
    members,
    ...(typeof p.oldPrimaryTask === 'string' ? { oldPrimaryTask: p.oldPrimaryTask } : {}),
  }
}

/** Applies a patch to another member and records its status change as an event. */
function settleMember(
  db: Db,
  id: string,
  at: number,
  patch: Partial<Omit<InstanceRow, 'seq' | 'id'>>,
  message: string,
) {
  const row = instanceById(db, id)
  if (!row || row.deleted) return
  const before = publicStatus(row)
  updateInstance(db, id, patch)
  insertEvent(db, {
    instance_id: id,
    at,
    from_status: before,
    to_status: publicStatus({ ...row, ...patch }),
    message,
  })
}

/**
 * Rewires a replication set: `newPrimary` becomes the source, every other member replicates
 * from it, except the old primary after an eject (it leaves the set, standalone). Every member
 * ends its PROMOTING/EJECTING task. The member the task runs on is patched by the engine.
 */
function rewire(ctx: StepContext, kind: 'promote' | 'eject'): StepResult {
  const p = readPayload(ctx)
  const self = ctx.inst
  if (!p) return { patch: { task_status: 'NONE', updated: ctx.at }, message: 'Nothing to do.' }
  const targetOf = (id: string): string | null => {
    if (id === p.newPrimary) return null
    if (kind === 'eject' && id === p.oldPrimary) return null
    return p.newPrimary
  }
  const taskAfter = (id: string): string =>
    kind === 'eject' && id === p.oldPrimary ? (p.oldPrimaryTask ?? 'NONE') : 'NONE'
  const messageFor = (id: string): string => {
    if (id === p.newPrimary) return 'Promoted to replica source.'
    if (kind === 'eject' && id === p.oldPrimary) return 'Ejected from its replication set.'
    return `Now replicating from ${p.newPrimary}.`
  }
  const patchFor = (id: string) => ({
    replica_of_id: targetOf(id),
    task_status: taskAfter(id),
    updated: ctx.at,
  })
  return {
    patch: patchFor(self.id),
    message: messageFor(self.id),
    sideEffect: (db) => {
      const others = new Set(p.members)
      // Replicas added to the old primary while the change ran follow it too.
      for (const r of replicasOf(db, p.oldPrimary)) others.add(r.id)
      others.delete(self.id)
      for (const id of others) {
        const row = instanceById(db, id)
        if (!row || row.deleted) continue
        const busy = row.task_status === 'PROMOTING' || row.task_status === 'EJECTING'
        settleMember(
          db,
          id,
          ctx.at,
          busy ? patchFor(id) : { replica_of_id: targetOf(id), updated: ctx.at },
          messageFor(id),
        )
      }
    },
  }
}

export const REPLICATION_TASK_KINDS: Record<string, TaskStep[]> = {
  promote: [{ after: PROMOTE_SECONDS, apply: (ctx) => rewire(ctx, 'promote') }],
  eject: [{ after: EJECT_SECONDS, apply: (ctx) => rewire(ctx, 'eject') }],
  detach: [
    {
      after: DETACH_SECONDS,
      apply: (ctx) => ({
        patch: { task_status: 'NONE', replica_of_id: null, updated: ctx.at },
        message: 'Detached from its replica source; the instance is standalone.',
      }),
    },
  ],
  upgrade: [
    {
      after: UPGRADE_SECONDS,
      apply: (ctx) => {
        const version = String(ctx.payload.versionName ?? ctx.inst.datastore_version_id)
        if (ctx.inst.name.endsWith(UPGRADE_ERROR_SUFFIX)) {
          const msg = `Upgrade to datastore version ${version} failed: the new image did not start.`
          return {
            patch: {
              task_status: 'UPGRADING_ERROR',
              updated: ctx.at,
              fault_message: msg,
              fault_details: null,
              fault_created: ctx.at,
            },
            message: msg,
          }
        }
        return {
          patch: {
            task_status: 'NONE',
            service_status: 'HEALTHY',
            service_status_updated: ctx.at,
            updated: ctx.at,
          },
          message: `Upgraded to datastore version ${version}.`,
        }
      },
    },
  ],
}
