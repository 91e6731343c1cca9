/**
 * Schema of the console's own state, one list per backend, applied in order and counted in
 * `console_state_migrations`. Applied migrations are never edited: append. A concern (journal,
 * sessions, ...) keeps to its own tables.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: the operations journal (issue 17): requests the console served or forwarded, and status
  // transitions of instances, backups and DBaaS services. `at` in ms since the epoch.
  `CREATE TABLE journal_entries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
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
     previous_ms INTEGER,
     datastore TEXT
   );
   CREATE INDEX journal_project_id ON journal_entries (project_id, id);
   CREATE INDEX journal_resource ON journal_entries (resource_id, id);
   CREATE INDEX journal_at ON journal_entries (at);
   CREATE INDEX journal_durations ON journal_entries (from_status, datastore, id) WHERE kind = 'transition';
   CREATE TABLE journal_cursors (name TEXT PRIMARY KEY, value INTEGER NOT NULL);`,
  // 2: console sessions (issue 19): the browser's HttpOnly cookie holds a random id, the store
  // its SHA-256 and the Keystone token it stands for. `expires_at`, `created_at` in ms.
  `CREATE TABLE console_sessions (
     id_hash TEXT PRIMARY KEY,
     token TEXT NOT NULL,
     user_id TEXT NOT NULL,
     project_id TEXT NOT NULL,
     token_body TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX console_sessions_expires ON console_sessions (expires_at);`,
]

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE journal_entries (
     id BIGSERIAL PRIMARY KEY,
     at BIGINT NOT NULL,
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
     previous_ms BIGINT,
     datastore TEXT
   );
   CREATE INDEX journal_project_id ON journal_entries (project_id, id);
   CREATE INDEX journal_resource ON journal_entries (resource_id, id);
   CREATE INDEX journal_at ON journal_entries (at);
   CREATE INDEX journal_durations ON journal_entries (from_status, datastore, id) WHERE kind = 'transition';
   CREATE TABLE journal_cursors (name TEXT PRIMARY KEY, value BIGINT NOT NULL);`,
  // 2: console sessions (issue 19): the browser's HttpOnly cookie holds a random id, the store
  // its SHA-256 and the Keystone token it stands for. `expires_at`, `created_at` in ms.
  `CREATE TABLE console_sessions (
     id_hash TEXT PRIMARY KEY,
     token TEXT NOT NULL,
     user_id TEXT NOT NULL,
     project_id TEXT NOT NULL,
     token_body TEXT NOT NULL,
     expires_at BIGINT NOT NULL,
     created_at BIGINT NOT NULL
   );
   CREATE INDEX console_sessions_expires ON console_sessions (expires_at);`,
]
