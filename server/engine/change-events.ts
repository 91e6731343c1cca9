import type { Db } from '../store/db'
import type { Clock } from './clock'
import { publicStatus } from './status-model'

/**
 * Change events of the embedded cloud: every create, change and delete of an instance (which is
 * also a DBaaS service: services are the project's instances) and of a backup, however it was
 * written (a route, a task step, a sweep, an admin action). Subscribers: the console server's
 * watchers (the change feed) and the operations journal.
 *
 * How: temporary SQLite triggers on `instances` and `backups` note each written row (its status
 * columns before and after) in a temporary table inside the writer's own transaction, so nothing
 * can write without being noted; `flush()` turns the notes into events. The cloud flushes after
 * every engine tick that ran something and after every write request (see `createCloud`): events
 * follow the write that caused them, without polling. Temporary objects live only on this
 * connection and are never part of the database file.
 */

export type ChangeKind = 'instance' | 'backup'
export type ChangeOp = 'create' | 'update' | 'delete'

export interface ChangeEvent {
  kind: ChangeKind
  op: ChangeOp
  id: string
  projectId: string
  region: string
  /** Public status before (Trove's `status`; null on create). */
  from: string | null
  /** Public status after (`DELETED` on delete). Equal to `from` when only other fields changed. */
  to: string
  /** Epoch ms (the cloud's clock) when the change was flushed. */
  at: number
  /**
   * When the change happened, as the write stamped it (the row's new `updated`, e.g. the time a
   * task step came due); `at` when the write did not move that stamp.
   */
  changedAt: number
  /** A backup's instance (whose public status may show the backup: BACKUP). */
  instanceId?: string
}

export type ChangeListener = (events: readonly ChangeEvent[]) => void

export interface ChangeEvents {
  /** Calls `listener` with each batch of events; returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void
  /** Emits what was written since the last flush. Cheap when nothing was. */
  flush(): void
  /** Drops the triggers (the cloud closes). */
  close(): void
}

interface NoteRow {
  seq: number
  kind: ChangeKind
  op: 'insert' | 'update'
  id: string
  project_id: string
  region: string
  instance_id: string | null
  old_task: string | null
  old_server: string | null
  old_service: string | null
  old_status: string | null
  old_deleted: number | null
  new_task: string | null
  new_server: string | null
  new_service: string | null
  new_status: string | null
  new_deleted: number
  old_updated: number | null
  new_updated: number | null
}

const NOTE_COLUMNS = `kind, op, id, project_id, region, instance_id, old_task, old_server, old_service,
  old_status, old_deleted, new_task, new_server, new_service, new_status, new_deleted, old_updated,
  new_updated`

const SETUP = `
  CREATE TEMP TABLE IF NOT EXISTS change_notes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL, op TEXT NOT NULL, id TEXT NOT NULL, project_id TEXT NOT NULL,
    region TEXT NOT NULL, instance_id TEXT,
    old_task TEXT, old_server TEXT, old_service TEXT, old_status TEXT, old_deleted INTEGER,
    new_task TEXT, new_server TEXT, new_service TEXT, new_status TEXT, new_deleted INTEGER NOT NULL,
    old_updated INTEGER, new_updated INTEGER
  );
  CREATE TEMP TRIGGER IF NOT EXISTS change_notes_instance_insert AFTER INSERT ON main.instances
  BEGIN
    INSERT INTO change_notes (${NOTE_COLUMNS}) VALUES ('instance', 'insert', NEW.id,
      NEW.project_id, NEW.region, NULL, NULL, NULL, NULL, NULL, NULL,
      NEW.task_status, NEW.server_status, NEW.service_status, NULL, NEW.deleted, NULL, NEW.updated);
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS change_notes_instance_update AFTER UPDATE ON main.instances
  BEGIN
    INSERT INTO change_notes (${NOTE_COLUMNS}) VALUES ('instance', 'update', NEW.id,
      NEW.project_id, NEW.region, NULL, OLD.task_status, OLD.server_status, OLD.service_status,
      NULL, OLD.deleted, NEW.task_status, NEW.server_status, NEW.service_status, NULL, NEW.deleted,
      OLD.updated, NEW.updated);
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS change_notes_backup_insert AFTER INSERT ON main.backups
  BEGIN
    INSERT INTO change_notes (${NOTE_COLUMNS}) VALUES ('backup', 'insert', NEW.id,
      NEW.project_id, NEW.region, NEW.instance_id, NULL, NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NEW.status, NEW.deleted, NULL, NEW.updated);
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS change_notes_backup_update AFTER UPDATE ON main.backups
  BEGIN
    INSERT INTO change_notes (${NOTE_COLUMNS}) VALUES ('backup', 'update', NEW.id,
      NEW.project_id, NEW.region, NEW.instance_id, NULL, NULL, NULL, OLD.status, OLD.deleted,
      NULL, NULL, NULL, NEW.status, NEW.deleted, OLD.updated, NEW.updated);
  END;
`

const TEARDOWN = `
  DROP TRIGGER IF EXISTS temp.change_notes_instance_insert;
  DROP TRIGGER IF EXISTS temp.change_notes_instance_update;
  DROP TRIGGER IF EXISTS temp.change_notes_backup_insert;
  DROP TRIGGER IF EXISTS temp.change_notes_backup_update;
  DROP TABLE IF EXISTS temp.change_notes;
`

/** The public status a noted instance row had (`SimpleInstance.status`); BACKUP is not told apart. */
function instanceStatus(task: string | null, server: string | null, service: string | null) {
  if (task === null || server === null || service === null) return null
  return publicStatus({ task_status: task, server_status: server, service_status: service })
}

/** One note as an event (the public status ignores a running backup: the backup's own event tells it). */
export function eventOfNote(n: NoteRow, at: number): ChangeEvent {
  const wasDeleted = n.old_deleted === 1
  const deleted = n.new_deleted === 1
  const op: ChangeOp = n.op === 'insert' ? 'create' : deleted && !wasDeleted ? 'delete' : 'update'
  const before =
    n.op === 'insert'
      ? null
      : n.kind === 'instance'
        ? instanceStatus(n.old_task, n.old_server, n.old_service)
        : n.old_status
  const after =
    n.kind === 'instance' ? instanceStatus(n.new_task, n.new_server, n.new_service) : n.new_status
  const event: ChangeEvent = {
    kind: n.kind,
    op,
    id: n.id,
    projectId: n.project_id,
    region: n.region,
    from: wasDeleted ? 'DELETED' : before,
    to: deleted ? 'DELETED' : (after ?? 'UNKNOWN'),
    at,
    changedAt:
      n.new_updated !== null && (n.old_updated === null || n.new_updated > n.old_updated)
        ? n.new_updated
        : at,
  }
  if (n.instance_id) event.instanceId = n.instance_id
  return event
}

export function createChangeEvents(db: Db, clock: Clock): ChangeEvents {
  db.exec(SETUP)
  const listeners = new Set<ChangeListener>()
  const read = db.prepare('SELECT * FROM temp.change_notes ORDER BY seq LIMIT 5000')
  const drop = db.prepare('DELETE FROM temp.change_notes WHERE seq <= ?')
  let closed = false

  const drain = db.transaction((): NoteRow[] => {
    const rows = read.all() as NoteRow[]
    const last = rows[rows.length - 1]
    if (last) drop.run(last.seq)
    return rows
  })

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    flush() {
      if (closed) return
      for (;;) {
        const notes = drain()
        if (notes.length === 0) return
        if (listeners.size === 0) continue
        const at = clock.now()
        const events = notes.map((n) => eventOfNote(n, at))
        for (const l of listeners) {
          try {
            l(events)
          } catch {
            // a subscriber's failure is its own; the others still hear of the change
          }
        }
      }
    },
    close() {
      if (closed) return
      closed = true
      listeners.clear()
      if (db.open) db.exec(TEARDOWN)
    },
  }
}
