/**
 * The console's own state (the operations journal; later the sessions): one small async SQL
 * interface over SQLite (default, in the server's data directory) or PostgreSQL (`--database-url`,
 * shared by several console servers). Statements are written with `?` placeholders; the PostgreSQL
 * store numbers them (`$1`, `$2`, ...). Each concern owns its tables and appends its migrations to
 * the per-backend lists in `migrations.ts`.
 */
export type StateBackend = 'sqlite' | 'postgres'

export type SqlValue = string | number | null

export type SqlRow = Record<string, unknown>

export interface StateStore {
  readonly backend: StateBackend
  /** Where the state lives, for logs (`sqlite:/path/console-state.db`, `postgres://host/db`; never a password). */
  readonly where: string
  /** SQLite on a file: its path, for a second connection (the journal's writer thread). */
  readonly file?: string | undefined
  /** Rows of a SELECT (or of `... RETURNING`). */
  query<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>
  /** Runs a write; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>
  /** Runs the same write once per parameter list, atomically (one transaction). */
  runBatch(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<void>
  close(): Promise<void>
}

/** `?` placeholders -> `$1..$n` (the statements of this module hold no `?` inside strings). */
export function numberPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}
