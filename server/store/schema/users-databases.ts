/**
 * Schema for the users-databases area. Databases and users themselves live in
 * instance_databases / instance_users (created with the instances). Root: whether the
 * administrative user is enabled now, and every enable/disable with who did it and when (the
 * admin API's root history reads it).
 */
export const USERS_DATABASES_SCHEMA = `
  CREATE TABLE instance_root (
    instance_id TEXT PRIMARY KEY REFERENCES instances(id),
    enabled INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT,
    updated INTEGER NOT NULL
  );

  CREATE TABLE root_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL REFERENCES instances(id),
    user_id TEXT NOT NULL,
    enabled_at INTEGER NOT NULL,
    disabled_at INTEGER,
    disabled_by TEXT
  );
  CREATE INDEX root_history_instance ON root_history (instance_id, enabled_at);
`
