/**
 * Schema for the DBaaS management API (Exoscale-style API v2). Services are the project's Trove
 * instances; these tables hold only what the management API adds on top of them:
 * - dbaas_service_flags: termination protection per instance;
 * - dbaas_integrations: service-to-service integrations (datasource, logs, metrics);
 * - dbaas_external_endpoints / dbaas_external_integrations: endpoints outside the cloud
 *   (prometheus, rsyslog, ...) and the services attached to them;
 * - dbaas_operations: the async operation objects (`GET /operation/{id}`), settled by `due_at`;
 * - dbaas_tasks: migration checks (`GET /dbaas-task/{service}/{id}`);
   (a migration is what the latest successful check started: no table of its own);
 * - dbaas_ca: the cloud's CA certificate (one self-signed PEM, made on first use).
 */
export const DBAAS_SCHEMA = `
  CREATE TABLE dbaas_service_flags (
    instance_id TEXT PRIMARY KEY,
    termination_protection INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE dbaas_integrations (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    type TEXT NOT NULL,
    source_instance_id TEXT NOT NULL,
    dest_instance_id TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    created INTEGER NOT NULL,
    active_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX dbaas_integrations_source ON dbaas_integrations (source_instance_id, deleted);
  CREATE INDEX dbaas_integrations_dest ON dbaas_integrations (dest_instance_id, deleted);

  CREATE TABLE dbaas_external_endpoints (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    created INTEGER NOT NULL
  );
  CREATE INDEX dbaas_external_endpoints_scope ON dbaas_external_endpoints (project_id, region);

  CREATE TABLE dbaas_external_integrations (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL,
    type TEXT NOT NULL,
    created INTEGER NOT NULL,
    active_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX dbaas_external_integrations_instance
    ON dbaas_external_integrations (instance_id, deleted);

  CREATE TABLE dbaas_operations (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    kind TEXT NOT NULL,
    reference_id TEXT,
    reference_link TEXT,
    reference_command TEXT,
    created INTEGER NOT NULL,
    due_at INTEGER NOT NULL
  );

  CREATE TABLE dbaas_tasks (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    task_type TEXT NOT NULL,
    request TEXT NOT NULL DEFAULT '{}',
    created INTEGER NOT NULL,
    due_at INTEGER NOT NULL
  );
  CREATE INDEX dbaas_tasks_instance ON dbaas_tasks (instance_id, created);

  CREATE TABLE dbaas_ca (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pem TEXT NOT NULL,
    created INTEGER NOT NULL
  );
`
