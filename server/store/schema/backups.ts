/**
 * Schema for the backups area (one migration). The base `backups` table gains:
 * - swift_container: the container the backup is (or will be) stored in;
 * - source_type / source_id: Rackspace's `source` ('instance' or 'ha' + the HA group id);
 * - origin_id: for a cross-region copy, the id of the backup it was copied from, followed back
 *   to the first one (so a copy of a copy still knows its origin); NULL for originals;
 * - due_at: when a copy in flight completes (the engine's backup sweep settles it);
 * - deleted_at.
 * `backup_strategies` holds Trove's backup_strategy rows: instance_id '' = project-wide.
 */
export const BACKUPS_SCHEMA = `
  ALTER TABLE backups ADD COLUMN swift_container TEXT;
  ALTER TABLE backups ADD COLUMN source_type TEXT;
  ALTER TABLE backups ADD COLUMN source_id TEXT;
  ALTER TABLE backups ADD COLUMN origin_id TEXT;
  ALTER TABLE backups ADD COLUMN due_at INTEGER;
  ALTER TABLE backups ADD COLUMN deleted_at INTEGER;
  CREATE INDEX backups_instance ON backups (instance_id, deleted, status);
  CREATE INDEX backups_parent ON backups (parent_id, deleted);
  CREATE INDEX backups_due ON backups (due_at) WHERE due_at IS NOT NULL;

  CREATE TABLE backup_strategies (
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    instance_id TEXT NOT NULL DEFAULT '',
    backend TEXT NOT NULL DEFAULT 'swift',
    swift_container TEXT NOT NULL,
    created INTEGER NOT NULL,
    PRIMARY KEY (project_id, region, instance_id)
  );
`
