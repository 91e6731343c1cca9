import { dirname, join } from 'node:path'
import { openPostgresStateStore } from './postgres-state-store'
import { openSqliteStateStore } from './sqlite-state-store'
import type { StateStore } from './state-store'

/** The file the console's state lives in beside the cloud's database (`:memory:` stays in memory). */
export function defaultStatePath(cloudDbPath: string): string {
  return cloudDbPath === ':memory:' ? ':memory:' : join(dirname(cloudDbPath), 'console-state.db')
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
