import type { ChangeEvent, ChangeEvents } from '../engine/change-events'
import { publicStatus } from '../engine/status-model'
import type { Db } from '../store/db'
import { stateOf } from '../dbaas/service-model'
import type { Journal } from './journal'

interface InstanceFacts {
  name: string | null
  replica_of_id: string | null
  datastore: string | null
}

interface InstanceNow extends InstanceFacts {
  id: string
  project_id: string
  region: string
  task_status: string
  server_status: string
  service_status: string
  deleted: number
}

interface BackupNow {
  id: string
  project_id: string
  region: string
  name: string | null
  datastore: string | null
  status: string
  deleted: number
}

export interface EngineChangeFollower {
  /** Emits what the engine wrote so far and resolves once the journal has queued it. */
  sync(): Promise<void>
  stop(): void
}

const DATASTORE_JOIN = `LEFT JOIN datastore_versions v ON v.id = x.datastore_version_id
       LEFT JOIN datastores d ON d.id = v.datastore_id`

/**
 * THE hook from the embedded cloud into the journal: the engine's own change emitter
 * (`server/engine/change-events.ts`, the one the change feed reads too). Every instance and
 * backup transition becomes a journal entry, and a primary instance's change of DBaaS state
 * (running / rebuilding / poweroff) an entry of its service (a service is named by its name).
 *
 * Restart: transitions the engine made while the journal was not listening (the last flush window
 * before a SIGKILL) are reconciled at start: a resource whose status in the cloud differs from the
 * last one the journal recorded gets a transition from that one to the present status (its
 * duration unknown), so the journal's present never disagrees with the cloud's.
 */
export function followEngineChanges(opts: {
  db: Db
  journal: Journal
  changes: ChangeEvents
  now: () => number
  log?: ((line: string) => void) | undefined
}): EngineChangeFollower {
  const { db, journal } = opts
  const instanceFacts = db.prepare(
    `SELECT x.name, x.replica_of_id, d.name AS datastore FROM instances x ${DATASTORE_JOIN} WHERE x.id = ?`,
  )
  const backupFacts = db.prepare(
    `SELECT x.name, d.name AS datastore FROM backups x ${DATASTORE_JOIN} WHERE x.id = ?`,
  )

  const record = (e: ChangeEvent) => {
    if (e.from === e.to) return
    const base = {
      at: e.changedAt,
      source: 'engine' as const,
      region: e.region,
      projectId: e.projectId,
    }
    if (e.kind === 'backup') {
      const b = backupFacts.get(e.id) as
        { name: string | null; datastore: string | null } | undefined
      journal.recordTransition({
        ...base,
        resourceKind: 'backup',
        resourceId: e.id,
        resourceName: b?.name ?? null,
        datastore: b?.datastore ?? null,
        from: e.from,
        to: e.to,
      })
      return
    }
    const i = instanceFacts.get(e.id) as InstanceFacts | undefined
    const datastore = i?.datastore ?? null
    journal.recordTransition({
      ...base,
      resourceKind: 'instance',
      resourceId: e.id,
      resourceName: i?.name ?? null,
      datastore,
      from: e.from,
      to: e.to,
    })
    // A DBaaS service is a primary instance seen through the management API, named by name.
    if (i?.name && i.replica_of_id === null) {
      const from = e.from === null ? null : e.from === 'DELETED' ? 'DELETED' : stateOf(e.from)
      const to = e.to === 'DELETED' ? 'DELETED' : stateOf(e.to)
      if (from !== to) {
        journal.recordTransition({
          ...base,
          resourceKind: 'service',
          resourceId: i.name,
          resourceName: i.name,
          datastore,
          from,
          to,
        })
      }
    }
  }

  /** Transitions the journal missed while down: from its last status to the cloud's present one. */
  const reconcile = async () => {
    const known = await journal.latestTransitions(undefined, undefined)
    journal.primeLastSeen(known)
    const last = new Map(known.map((t) => [`${t.resourceKind}:${t.resourceId}`, t]))
    if (last.size === 0) return
    const at = opts.now()
    const missed = (kind: 'instance' | 'backup', id: string, status: string) => {
      const t = last.get(`${kind}:${id}`)
      return t && t.toStatus !== status ? t : undefined
    }
    const instances = db
      .prepare(
        `SELECT x.id, x.project_id, x.region, x.name, x.replica_of_id, d.name AS datastore,
                x.task_status, x.server_status, x.service_status, x.deleted
           FROM instances x ${DATASTORE_JOIN}`,
      )
      .all() as InstanceNow[]
    for (const i of instances) {
      const status = i.deleted === 1 ? 'DELETED' : publicStatus(i)
      const t = missed('instance', i.id, status)
      if (t) record(eventAt(at, 'instance', i, t.toStatus, status))
    }
    const backups = db
      .prepare(
        `SELECT x.id, x.project_id, x.region, x.name, d.name AS datastore, x.status, x.deleted
           FROM backups x ${DATASTORE_JOIN}`,
      )
      .all() as BackupNow[]
    for (const b of backups) {
      const status = b.deleted === 1 ? 'DELETED' : b.status
      const t = missed('backup', b.id, status)
      if (t) record(eventAt(at, 'backup', b, t.toStatus, status))
    }
  }

  // Events that arrive while the journal reconciles wait for it (they come after, in order).
  let buffered: ChangeEvent[] | null = []
  const unsubscribe = opts.changes.subscribe((events) => {
    if (buffered) buffered.push(...events)
    else for (const e of events) record(e)
  })
  const ready = reconcile()
    .catch((err: unknown) => {
      opts.log?.(
        `journal: engine state not reconciled: ${err instanceof Error ? err.message : String(err)}`,
      )
    })
    .finally(() => {
      const waiting = buffered ?? []
      buffered = null
      for (const e of waiting) record(e)
    })

  return {
    async sync() {
      opts.changes.flush()
      await ready
    },
    stop: unsubscribe,
  }
}

function eventAt(
  at: number,
  kind: ChangeEvent['kind'],
  row: { id: string; project_id: string; region: string },
  from: string,
  to: string,
): ChangeEvent {
  const op = to === 'DELETED' ? 'delete' : 'update'
  return {
    kind,
    op,
    id: row.id,
    projectId: row.project_id,
    region: row.region,
    from,
    to,
    at,
    changedAt: at,
  }
}
