import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'

/**
 * Why the server must not start on `path`, or null when it may. A fresh demo cloud (with its
 * well-known demo passwords) is created only where no file exists and `--init` was given; an
 * existing file must be this server's store: an empty file (truncated, or created by another
 * tool) or another program's database is refused rather than silently re-seeded.
 */
export function storeFileProblem(path: string, init: boolean): string | null {
  if (path === ':memory:') return null
  if (!existsSync(path)) {
    return init
      ? null
      : `no database at ${path}. Pass --init to create a fresh demo cloud there (demo passwords), or --db to point at an existing one.`
  }
  let db: Database.Database | undefined
  try {
    db = new Database(path, { fileMustExist: true })
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => (r as { name: string }).name)
    if (tables.length === 0) {
      return `${path} is an empty database file, not a dbaas-console cloud. Refusing to start on it: remove it (then --init creates a fresh cloud) or point --db at the right file.`
    }
    const seeded = tables.includes('meta')
      ? db.prepare("SELECT value FROM meta WHERE key = 'seeded'").get()
      : undefined
    // Our schema without the seed: a first start that stopped half-way; --init finishes it.
    if (!seeded && !(init && tables.includes('meta') && tables.includes('tokens'))) {
      return `${path} is not a dbaas-console database (tables: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', ...' : ''}). Refusing to start on another program's data: point --db at this server's file.`
    }
    return null
  } catch (err) {
    return `${path} cannot be opened as an SQLite database (${err instanceof Error ? err.message : String(err)}). Refusing to start: point --db at this server's file.`
  } finally {
    db?.close()
  }
}
