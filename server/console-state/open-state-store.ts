import { basename, dirname, extname, join } from 'node:path'
import { openPostgresStateStore } from './postgres-state-store'
import { openSqliteStateStore } from './sqlite-state-store'
import type { StateStore } from './state-store'

/**
 * The file the console's state lives in: in the server's data directory, named after the cloud's
 * database (`data/dbaas.db` -> `data/dbaas.console-state.db`); `:memory:` stays in memory.
 */
export function defaultStatePath(cloudDbPath: string): string {
  if (cloudDbPath === ':memory:') return ':memory:'
  const base = basename(cloudDbPath, extname(cloudDbPath))
  return join(dirname(cloudDbPath), `${base}.console-state.db`)
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url)
}

/**
 * `postgres://...` (or `postgresql://`): PostgreSQL, shared by several console servers; anything
 * else is a SQLite file path.
 */
export async function openStateStore(target: string): Promise<StateStore> {
  if (isPostgresUrl(target)) return openPostgresStateStore(target)
  return openSqliteStateStore(target)
}
