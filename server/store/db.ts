import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS } from './migrations'

export type Db = Database.Database

/** How long a write waits for a lock held by another connection (ms). */
export const BUSY_TIMEOUT_MS = 100

/** Opens (and creates) the SQLite database: WAL, foreign keys on, migrations applied. */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  reuseStatements(db)
  if (path !== ':memory:') db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  // Writes wait at most this long for another process's write lock, then fail with SQLITE_BUSY
  // (answered 503 + Retry-After): better-sqlite3 waits on the main thread, so a long timeout
  // would stall every request. Reads never wait (WAL).
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  migrate(db)
  return db
}

/**
 * Makes `db.prepare(sql)` hand back the statement it compiled before for the same text. Compiling
 * is most of a query's cost here: an instance view runs several small queries per row, and a
 * 1,000-row list page spent ~3/4 of its time preparing them. Statements are never put in a mode
 * (pluck/raw/expand/bind) nor iterated, so one compiled statement serves every caller.
 */
function reuseStatements(db: Db): void {
  const compiled = new Map<string, Database.Statement>()
  const prepare = db.prepare.bind(db)
  db.prepare = ((sql: string) => {
    let statement = compiled.get(sql)
    if (!statement) {
      // Statements built from column lists are few; the bound only guards against a leak.
      if (compiled.size >= 1000) compiled.clear()
      statement = prepare(sql)
      compiled.set(sql, statement)
    }
    return statement
  }) as Db['prepare']
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > MIGRATIONS.length) {
    throw new Error(
      `Database schema version ${current} is newer than this server (${MIGRATIONS.length}).`,
    )
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    const sql = MIGRATIONS[v]
    if (sql === undefined) continue
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}

/** A JSON column read back, with a fallback when the text is not valid JSON. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}
