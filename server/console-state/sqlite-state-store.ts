import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { SQLITE_MIGRATIONS } from './migrations'
import type { SqlRow, SqlValue, StateStore } from './state-store'

/** The console's state in a SQLite file (WAL), or ':memory:' for tests; migrations applied on open. */
export function openSqliteStateStore(
  path: string,
  migrations: readonly string[] = SQLITE_MIGRATIONS,
): StateStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  if (path !== ':memory:') {
    db.pragma('journal_mode = WAL')
    // Commits survive a killed process (the WAL is in the OS's hands); only a power loss may lose the last ones.
    db.pragma('synchronous = NORMAL')
  }
  db.pragma('busy_timeout = 5000')
  db.exec('CREATE TABLE IF NOT EXISTS console_state_migrations (version INTEGER PRIMARY KEY)')
  const applied = db
    .prepare('SELECT COALESCE(MAX(version), 0) AS v FROM console_state_migrations')
    .get() as {
    v: number
  }
  db.transaction(() => {
    migrations.forEach((sql, i) => {
      if (i + 1 <= applied.v) return
      db.exec(sql)
      db.prepare('INSERT INTO console_state_migrations (version) VALUES (?)').run(i + 1)
    })
  })()

  const statements = new Map<string, Database.Statement>()
  const prepare = (sql: string): Database.Statement => {
    let s = statements.get(sql)
    if (!s) {
      s = db.prepare(sql)
      statements.set(sql, s)
    }
    return s
  }
  let closed = false

  return {
    backend: 'sqlite',
    where: `sqlite:${path}`,
    file: path === ':memory:' ? undefined : path,
    query<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      return Promise.resolve(prepare(sql).all(...params) as T[])
    },
    run(sql, params = []) {
      return Promise.resolve(prepare(sql).run(...params).changes)
    },
    runBatch(sql, rows) {
      const s = prepare(sql)
      db.transaction(() => {
        for (const r of rows) s.run(...r)
      })()
      return Promise.resolve()
    },
    close() {
      if (!closed) {
        closed = true
        db.close()
      }
      return Promise.resolve()
    },
  }
}
