/**
 * Schema of the console's own state, applied in order and counted in `console_state_migrations`.
 * Applied migrations are never edited: append. A concern (journal, sessions, ...) keeps to its own
 * tables. Each migration is written once and spelled for each backend by its column types.
 */
interface Dialect {
  /** An auto-numbered 64-bit primary key. */
  serialKey: string
  /** A 64-bit integer (times in ms since the epoch, durations). */
  bigint: string
}

const SQLITE: Dialect = { serialKey: 'INTEGER PRIMARY KEY AUTOINCREMENT', bigint: 'INTEGER' }
const POSTGRES: Dialect = { serialKey: 'BIGSERIAL PRIMARY KEY', bigint: 'BIGINT' }

const MIGRATIONS: readonly ((d: Dialect) => string)[] = [
  // 1: the operations journal (issue 17): requests the console served or forwarded, and status
  // transitions of instances, backups and DBaaS services. `at` in ms since the epoch.
  (d) => `CREATE TABLE journal_entries (
     id ${d.serialKey},
     at ${d.bigint} NOT NULL,
     kind TEXT NOT NULL,
     source TEXT NOT NULL,
     region TEXT,
     project_id TEXT,
     project_name TEXT,
     user_id TEXT,
     user_name TEXT,
     method TEXT,
     path TEXT,
     resource_kind TEXT NOT NULL,
     resource_id TEXT,
     resource_name TEXT,
     action TEXT NOT NULL,
     summary TEXT,
     status INTEGER,
     request_id TEXT,
     from_status TEXT,
     to_status TEXT,
     previous_ms ${d.bigint},
     datastore TEXT
   );
   CREATE INDEX journal_project_id ON journal_entries (project_id, id);
   CREATE INDEX journal_resource ON journal_entries (resource_id, id);
   CREATE INDEX journal_at ON journal_entries (at);
   CREATE INDEX journal_durations ON journal_entries (from_status, datastore, id) WHERE kind = 'transition';
   CREATE TABLE journal_cursors (name TEXT PRIMARY KEY, value ${d.bigint} NOT NULL);`,
  // 2: console sessions (issue 19): the browser's HttpOnly cookie holds a random id, the store
  // its SHA-256 and the Keystone token it stands for. `expires_at`, `created_at` in ms.
  (d) => `CREATE TABLE console_sessions (
     id_hash TEXT PRIMARY KEY,
     token TEXT NOT NULL,
     user_id TEXT NOT NULL,
     project_id TEXT NOT NULL,
     token_body TEXT NOT NULL,
     expires_at ${d.bigint} NOT NULL,
     created_at ${d.bigint} NOT NULL
   );
   CREATE INDEX console_sessions_expires ON console_sessions (expires_at);`,
]

export const SQLITE_MIGRATIONS: readonly string[] = MIGRATIONS.map((m) => m(SQLITE))
export const POSTGRES_MIGRATIONS: readonly string[] = MIGRATIONS.map((m) => m(POSTGRES))
