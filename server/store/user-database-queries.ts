import type { Db } from './db'
import { parseJson } from './db'

/* ------------------------------------------------------------------ databases */

export interface DatabaseRow {
  instance_id: string
  name: string
  character_set: string | null
  collation: string | null
}

/**
 * One page of an instance's databases in name order, after `marker` (a name; unknown markers
 * still page, as MySQL's `WHERE schema_name > marker` does). `hidden` names are skipped.
 */
export function pageDatabases(
  db: Db,
  instanceId: string,
  limit: number,
  marker: string | undefined,
  hidden: readonly string[],
): { rows: DatabaseRow[]; more: boolean } {
  const rows = (
    db
      .prepare(
        `SELECT * FROM instance_databases WHERE instance_id = ? AND (? IS NULL OR name > ?)
         ORDER BY name`,
      )
      .all(instanceId, marker ?? null, marker ?? null) as DatabaseRow[]
  ).filter((r) => !hidden.includes(r.name))
  const more = rows.length > limit
  return { rows: rows.slice(0, limit), more }
}

export function findDatabase(db: Db, instanceId: string, name: string): DatabaseRow | undefined {
  return db
    .prepare('SELECT * FROM instance_databases WHERE instance_id = ? AND name = ?')
    .get(instanceId, name) as DatabaseRow | undefined
}

export function insertDatabase(
  db: Db,
  instanceId: string,
  d: { name: string; character_set: string | null; collate: string | null },
): void {
  db.prepare(
    'INSERT INTO instance_databases (instance_id, name, character_set, collation) VALUES (?, ?, ?, ?)',
  ).run(instanceId, d.name, d.character_set, d.collate)
}

/** Drops a database and every user's access to it (one transaction). */
export function deleteDatabase(db: Db, instanceId: string, name: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM instance_databases WHERE instance_id = ? AND name = ?').run(
      instanceId,
      name,
    )
    for (const u of listAllUsers(db, instanceId)) {
      if (u.databases.includes(name)) {
        setUserDatabases(
          db,
          instanceId,
          u,
          u.databases.filter((d) => d !== name),
        )
      }
    }
  })()
}

/* ---------------------------------------------------------------------- users */

export interface UserRow {
  instance_id: string
  name: string
  host: string
  password_hash: string
  databases: string[]
}

interface StoredUser extends Omit<UserRow, 'databases'> {
  databases: string
}

const toUser = (r: StoredUser): UserRow => ({
  ...r,
  databases: parseJson<string[]>(r.databases, []),
})

export function listAllUsers(db: Db, instanceId: string): UserRow[] {
  return (
    db
      .prepare('SELECT * FROM instance_users WHERE instance_id = ? ORDER BY name, host')
      .all(instanceId) as StoredUser[]
  ).map(toUser)
}

/**
 * One page of an instance's users in (name, host) order after `marker` (`name@host`), skipping
 * `hidden` names.
 */
export function pageUsers(
  db: Db,
  instanceId: string,
  limit: number,
  marker: string | undefined,
  hidden: readonly string[],
): { rows: UserRow[]; more: boolean } {
  const rows = listAllUsers(db, instanceId).filter(
    (u) => !hidden.includes(u.name) && (marker === undefined || `${u.name}@${u.host}` > marker),
  )
  const more = rows.length > limit
  return { rows: rows.slice(0, limit), more }
}

export function findUser(
  db: Db,
  instanceId: string,
  name: string,
  host: string,
): UserRow | undefined {
  const r = db
    .prepare('SELECT * FROM instance_users WHERE instance_id = ? AND name = ? AND host = ?')
    .get(instanceId, name, host) as StoredUser | undefined
  return r ? toUser(r) : undefined
}

export function insertUser(db: Db, u: UserRow): void {
  db.prepare(
    'INSERT INTO instance_users (instance_id, name, host, password_hash, databases) VALUES (?, ?, ?, ?, ?)',
  ).run(u.instance_id, u.name, u.host, u.password_hash, JSON.stringify(u.databases))
}

export function deleteUser(db: Db, instanceId: string, name: string, host: string): void {
  db.prepare('DELETE FROM instance_users WHERE instance_id = ? AND name = ? AND host = ?').run(
    instanceId,
    name,
    host,
  )
}

/** Renames and/or moves a user, and/or sets a new password hash. */
export function updateUser(
  db: Db,
  instanceId: string,
  current: { name: string; host: string },
  patch: { name?: string; host?: string; password_hash?: string },
): void {
  db.prepare(
    `UPDATE instance_users SET name = @newName, host = @newHost,
       password_hash = COALESCE(@hash, password_hash)
     WHERE instance_id = @instanceId AND name = @name AND host = @host`,
  ).run({
    instanceId,
    name: current.name,
    host: current.host,
    newName: patch.name ?? current.name,
    newHost: patch.host ?? current.host,
    hash: patch.password_hash ?? null,
  })
}

export function setUserDatabases(
  db: Db,
  instanceId: string,
  u: { name: string; host: string },
  databases: readonly string[],
): void {
  db.prepare(
    'UPDATE instance_users SET databases = ? WHERE instance_id = ? AND name = ? AND host = ?',
  ).run(JSON.stringify([...databases]), instanceId, u.name, u.host)
}

/* ----------------------------------------------------------------------- root */

export function isRootEnabled(db: Db, instanceId: string): boolean {
  const r = db
    .prepare('SELECT enabled FROM instance_root WHERE instance_id = ?')
    .get(instanceId) as { enabled: number } | undefined
  return r?.enabled === 1
}

/** Enables root with a new password and records who did it and when (one transaction). */
export function enableRoot(
  db: Db,
  instanceId: string,
  passwordHash: string,
  userId: string,
  at: number,
): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO instance_root (instance_id, enabled, password_hash, updated) VALUES (?, 1, ?, ?)
       ON CONFLICT (instance_id) DO UPDATE SET enabled = 1, password_hash = excluded.password_hash,
         updated = excluded.updated`,
    ).run(instanceId, passwordHash, at)
    db.prepare('INSERT INTO root_history (instance_id, user_id, enabled_at) VALUES (?, ?, ?)').run(
      instanceId,
      userId,
      at,
    )
  })()
}

/** Disables root; the history keeps the enable and records the disable. */
export function disableRoot(db: Db, instanceId: string, userId: string, at: number): void {
  db.transaction(() => {
    db.prepare(
      'UPDATE instance_root SET enabled = 0, password_hash = NULL, updated = ? WHERE instance_id = ?',
    ).run(at, instanceId)
    db.prepare(
      `UPDATE root_history SET disabled_at = ?, disabled_by = ?
       WHERE instance_id = ? AND disabled_at IS NULL`,
    ).run(at, userId, instanceId)
  })()
}

export interface RootHistoryRow {
  id: number
  instance_id: string
  user_id: string
  enabled_at: number
  disabled_at: number | null
  disabled_by: string | null
}

/** Every root enable of an instance, oldest first (Trove's root history shows the first). */
export function rootHistory(db: Db, instanceId: string): RootHistoryRow[] {
  return db
    .prepare('SELECT * FROM root_history WHERE instance_id = ? ORDER BY enabled_at, id')
    .all(instanceId) as RootHistoryRow[]
}
