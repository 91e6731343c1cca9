import type { Db } from './db'
import { INSTANCE_EXTRAS_SCHEMA } from './schema/instance-extras'

/**
 * Creates the guest-log table if missing: the instance-extras migration slot shipped empty, so a
 * database created before it was filled never ran it.
 */
export function ensureLogTable(db: Db): void {
  db.exec(INSTANCE_EXTRAS_SCHEMA)
}

/** A guest log's stored state (instance-extras schema); absent = never touched. */
export interface LogRow {
  instance_id: string
  name: string
  enabled: number
  enabled_at: number | null
  published_text: string
  published_upto: number | null
  container: string | null
  updated: number
}

export function logRow(db: Db, instanceId: string, name: string): LogRow | undefined {
  return db
    .prepare('SELECT * FROM instance_logs WHERE instance_id = ? AND name = ?')
    .get(instanceId, name) as LogRow | undefined
}

export function upsertLog(db: Db, row: LogRow): void {
  db.prepare(
    `INSERT INTO instance_logs (instance_id, name, enabled, enabled_at, published_text,
       published_upto, container, updated)
     VALUES (@instance_id, @name, @enabled, @enabled_at, @published_text, @published_upto,
       @container, @updated)
     ON CONFLICT (instance_id, name) DO UPDATE SET enabled = excluded.enabled,
       enabled_at = excluded.enabled_at, published_text = excluded.published_text,
       published_upto = excluded.published_upto, container = excluded.container,
       updated = excluded.updated`,
  ).run(row)
}
