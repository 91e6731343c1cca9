import type { Db } from '../store/db'
import { stateOf } from '../dbaas/service-model'
import type { Journal } from './journal'

interface EventJoin {
  id: number
  instance_id: string
  at: number
  from_status: string | null
  to_status: string
  project_id: string | null
  region: string | null
  name: string | null
  replica_of_id: string | null
  datastore: string | null
  previous_at: number | null
}

interface BackupState {
  id: string
  project_id: string
  region: string
  name: string
  status: string
  deleted: number
  updated: number
  datastore: string | null
}

export interface EngineTransitionFollower {
  /** Records every transition the engine made since the last call (and persists how far it got). */
  sync(): Promise<void>
  stop(): void
}

const BATCH = 1000

/**
 * THE hook from the embedded cloud's task engine into the journal (one function, so the lead can
 * switch it to the shared change emitter, `server/engine/change-events.ts`, when that lands).
 * It follows the engine's own `events` table (instance transitions, with the time each step came
 * due) and the backups' `updated` stamps, and derives DBaaS service state changes
 * (running / rebuilding / poweroff) from the instance transitions. How far it got is stored in the
 * console's state (`journal_cursors`), so a restart neither loses nor repeats a transition.
 */
export function followEngineTransitions(opts: {
  db: Db
  journal: Journal
  /** Names this cloud's cursors (its database path): several clouds may share one state store. */
  cloudKey: string
  /** How often to look, in ms (0: only when `sync()` is called). */
  everyMs?: number
  log?: (line: string) => void
}): EngineTransitionFollower {
  const { db, journal } = opts
  const eventsCursor = `engine-events:${opts.cloudKey}`
  const backupsCursor = `engine-backups:${opts.cloudKey}`
  let backups: Map<string, { status: string; since: number; deleted: boolean }> | undefined
  let running: Promise<void> | undefined

  const eventsSince = db.prepare(
    `SELECT e.id, e.instance_id, e.at, e.from_status, e.to_status, i.project_id, i.region, i.name,
            i.replica_of_id, d.name AS datastore,
            (SELECT p.at FROM events p WHERE p.instance_id = e.instance_id AND p.id < e.id
                AND (p.from_status IS NULL OR p.from_status != p.to_status)
              ORDER BY p.id DESC LIMIT 1) AS previous_at
       FROM events e
       LEFT JOIN instances i ON i.id = e.instance_id
       LEFT JOIN datastore_versions v ON v.id = i.datastore_version_id
       LEFT JOIN datastores d ON d.id = v.datastore_id
      WHERE e.id > ? ORDER BY e.id LIMIT ${BATCH}`,
  )
  const backupsSelect = `SELECT b.id, b.project_id, b.region, b.name, b.status, b.deleted, b.updated, d.name AS datastore
       FROM backups b
       LEFT JOIN datastore_versions v ON v.id = b.datastore_version_id
       LEFT JOIN datastores d ON d.id = v.datastore_id`
  const backupsBefore = db.prepare(`${backupsSelect} WHERE b.updated < ?`)
  const backupsSince = db.prepare(`${backupsSelect} WHERE b.updated >= ? ORDER BY b.updated`)

  const maxEventId = db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM events')
  const syncEvents = async () => {
    let cursor = (await journal.getCursor(eventsCursor)) ?? 0
    // A cloud database recreated under the same path (tests, a reset demo) starts its ids again.
    if (cursor > (maxEventId.get() as { id: number }).id) cursor = 0
    for (;;) {
      const rows = eventsSince.all(cursor) as EventJoin[]
      if (rows.length === 0) return
      for (const e of rows) {
        cursor = e.id
        if (e.from_status === e.to_status) continue
        const base = {
          at: e.at,
          source: 'engine' as const,
          region: e.region,
          projectId: e.project_id,
          datastore: e.datastore,
        }
        journal.recordTransition({
          ...base,
          resourceKind: 'instance',
          resourceId: e.instance_id,
          resourceName: e.name,
          from: e.from_status,
          to: e.to_status,
          previousMs: e.previous_at === null ? null : Math.max(0, e.at - e.previous_at),
        })
        // A DBaaS service is a primary instance seen through the management API, named by name.
        if (e.name && e.replica_of_id === null) {
          const from = e.from_status === null ? null : stateOf(e.from_status)
          const to = e.to_status === 'DELETED' ? 'DELETED' : stateOf(e.to_status)
          if (from !== to) {
            journal.recordTransition({
              ...base,
              resourceKind: 'service',
              resourceId: e.name,
              resourceName: e.name,
              from,
              to,
            })
          }
        }
      }
      await journal.setCursor(eventsCursor, cursor)
    }
  }

  const syncBackups = async () => {
    const cursor = (await journal.getCursor(backupsCursor)) ?? 0
    if (!backups) {
      backups = new Map()
      for (const b of backupsBefore.all(cursor) as BackupState[]) {
        backups.set(b.id, { status: b.status, since: b.updated, deleted: b.deleted === 1 })
      }
    }
    let next = cursor
    for (const b of backupsSince.all(cursor) as BackupState[]) {
      next = Math.max(next, b.updated)
      const known = backups.get(b.id)
      const deleted = b.deleted === 1
      const to = deleted ? 'DELETED' : b.status
      const from = known ? (known.deleted ? 'DELETED' : known.status) : null
      if (from === to) continue
      journal.recordTransition({
        at: b.updated,
        source: 'engine',
        region: b.region,
        projectId: b.project_id,
        datastore: b.datastore,
        resourceKind: 'backup',
        resourceId: b.id,
        resourceName: b.name,
        from,
        to,
        previousMs: known ? Math.max(0, b.updated - known.since) : null,
      })
      backups.set(b.id, { status: b.status, since: b.updated, deleted })
    }
    // Rows stamped in the same millisecond as the cursor are read again next time (and skipped as unchanged).
    if (next !== cursor) await journal.setCursor(backupsCursor, next)
  }

  const sync = (): Promise<void> => {
    running ??= (async () => {
      try {
        await syncEvents()
        await syncBackups()
      } catch (err) {
        opts.log?.(
          `journal: engine transitions not followed: ${err instanceof Error ? err.message : String(err)}`,
        )
      } finally {
        running = undefined
      }
    })()
    return running
  }

  const timer = opts.everyMs ? setInterval(() => void sync(), opts.everyMs) : undefined
  timer?.unref()
  return {
    sync,
    stop() {
      if (timer) clearInterval(timer)
    },
  }
}
