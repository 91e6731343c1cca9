/**
 * Schema for the configurations area: configuration groups (the spine's `configurations` table,
 * rebuilt so `description` may be NULL as Trove shows it) and the datastore-version parameters
 * they are validated against (Trove's `datastore_configuration_parameters`). Parameter min/max
 * are TEXT: MySQL's limits (18446744073709551615) do not fit a double.
 */
export const CONFIGURATIONS_SCHEMA = `
  CREATE TABLE configurations_new (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    datastore_version_id TEXT NOT NULL REFERENCES datastore_versions(id),
    "values" TEXT NOT NULL DEFAULT '{}',
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    deleted_at INTEGER
  );
  INSERT INTO configurations_new (id, project_id, region, name, description, datastore_version_id,
    "values", created, updated, deleted)
    SELECT id, project_id, region, name, NULLIF(description, ''), datastore_version_id, "values",
      created, updated, deleted FROM configurations;
  DROP TABLE configurations;
  ALTER TABLE configurations_new RENAME TO configurations;
  CREATE INDEX configurations_scope ON configurations (project_id, region, deleted, id);
  CREATE INDEX instances_configuration ON instances (configuration_id);

  CREATE TABLE datastore_configuration_parameters (
    id TEXT PRIMARY KEY,
    datastore_version_id TEXT NOT NULL REFERENCES datastore_versions(id),
    name TEXT NOT NULL,
    data_type TEXT NOT NULL,
    min_size TEXT,
    max_size TEXT,
    restart_required INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    deleted_at INTEGER
  );
  CREATE INDEX configuration_parameters_version
    ON datastore_configuration_parameters (datastore_version_id, deleted, position);
`
