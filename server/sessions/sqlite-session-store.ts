import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SessionStore, StoredSession } from './session-store'

const SCHEMA = `CREATE TABLE IF NOT EXISTS console_sessions (
  id_hash TEXT PRIMARY KEY,
  token TEXT NOT NULL,
  user_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  token_body TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS console_sessions_expires ON console_sessions (expires_at);`

interface Row {
  id_hash: string
  token: string
  user_id: string
  project_id: string
  token_body: string
  expires_at: number
  created_at: number
}

/** The file next to the cloud's database that holds its console sessions (`:memory:` stays). */
export function sessionsPathFor(dbPath: string): string {
  if (dbPath === ':memory:') return ':memory:'
  return dbPath.replace(/(\.db|\.sqlite3?)?$/, '.sessions.db')
}

/** Console sessions in a SQLite file of their own (WAL), so they survive a restart. */
export function createSqliteSessionStore(path: string): SessionStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  if (path !== ':memory:') db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 2000')
  db.exec(SCHEMA)
  const insert = db.prepare(
    `INSERT OR REPLACE INTO console_sessions
       (id_hash, token, user_id, project_id, token_body, expires_at, created_at)
     VALUES (@idHash, @token, @userId, @projectId, @tokenBody, @expiresAt, @createdAt)`,
  )
  const select = db.prepare<[string, number], Row>(
    'SELECT * FROM console_sessions WHERE id_hash = ? AND expires_at > ?',
  )
  const remove = db.prepare<[string]>('DELETE FROM console_sessions WHERE id_hash = ?')
  const purge = db.prepare<[number]>('DELETE FROM console_sessions WHERE expires_at <= ?')

  return {
    put(session: StoredSession) {
      insert.run(session)
      return Promise.resolve()
    },
    get(idHash, now) {
      const row = select.get(idHash, now)
      return Promise.resolve(
        row && {
          idHash: row.id_hash,
          token: row.token,
          userId: row.user_id,
          projectId: row.project_id,
          tokenBody: row.token_body,
          expiresAt: row.expires_at,
          createdAt: row.created_at,
        },
      )
    },
    delete(idHash) {
      remove.run(idHash)
      return Promise.resolve()
    },
    purgeExpired(now) {
      return Promise.resolve(purge.run(now).changes)
    },
    close() {
      if (db.open) db.close()
      return Promise.resolve()
    },
  }
}
