/**
 * Schema for the instance-extras area (replication, upgrade, guest logs, limits). Guest logs:
 * one row per instance and log name once the log was touched (enabled, published ...); a log
 * never touched has no row and reads with its defaults. The log text itself is generated from
 * the instance's `events`, so only what was published is stored (`published_text`), and
 * `published_upto` says up to which instant (ms) it reaches.
 *
 * Idempotent (IF NOT EXISTS): this slot shipped empty, so databases created before it was filled
 * have already counted it; the log routes run it once more at start-up (ensureLogTable).
 */
export const INSTANCE_EXTRAS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS instance_logs (
    instance_id TEXT NOT NULL REFERENCES instances(id),
    name TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 0,
    enabled_at INTEGER,
    published_text TEXT NOT NULL DEFAULT '',
    published_upto INTEGER,
    container TEXT,
    updated INTEGER NOT NULL,
    PRIMARY KEY (instance_id, name)
  );
`
