import { BACKUPS_SCHEMA } from './schema/backups'
import { CONFIGURATIONS_SCHEMA } from './schema/configurations'
import { USERS_DATABASES_SCHEMA } from './schema/users-databases'
import { INSTANCE_EXTRAS_SCHEMA } from './schema/instance-extras'
import { DBAAS_SCHEMA } from './schema/dbaas'
import { ADMIN_SCHEMA } from './schema/admin'
import { BACKUP_DELETE_SCHEMA } from './schema/backup-delete'
import { MODULES_SCHEMA } from './schema/modules'

/**
 * Schema migrations, applied in order; PRAGMA user_version records how many ran. Each area keeps
 * its own migration in store/schema/ so areas can grow without touching each other.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE regions (id TEXT PRIMARY KEY, description TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL);

  CREATE TABLE domains (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, enabled INTEGER NOT NULL DEFAULT 1);

  CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    domain_id TEXT NOT NULL REFERENCES domains(id),
    description TEXT NOT NULL DEFAULT '',
    enabled INTEGER NOT NULL DEFAULT 1,
    UNIQUE (domain_id, name)
  );

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    domain_id TEXT NOT NULL REFERENCES domains(id),
    password_hash TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    UNIQUE (domain_id, name)
  );

  CREATE TABLE roles (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);

  CREATE TABLE role_assignments (
    user_id TEXT NOT NULL REFERENCES users(id),
    project_id TEXT NOT NULL REFERENCES projects(id),
    role_id TEXT NOT NULL REFERENCES roles(id),
    PRIMARY KEY (user_id, project_id, role_id)
  );

  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    project_id TEXT REFERENCES projects(id),
    methods TEXT NOT NULL,
    audit_ids TEXT NOT NULL,
    app_cred_id TEXT,
    issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX tokens_expiry ON tokens (expires_at);

  CREATE TABLE application_credentials (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    project_id TEXT NOT NULL REFERENCES projects(id),
    secret_hash TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    roles TEXT NOT NULL DEFAULT '[]',
    unrestricted INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, name)
  );

  CREATE TABLE datastores (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    manager TEXT NOT NULL,
    default_version_id TEXT,
    position INTEGER NOT NULL
  );

  CREATE TABLE datastore_versions (
    id TEXT PRIMARY KEY,
    datastore_id TEXT NOT NULL REFERENCES datastores(id),
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    image_id TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    UNIQUE (datastore_id, name)
  );

  CREATE TABLE flavors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    ram INTEGER NOT NULL,
    vcpus INTEGER NOT NULL,
    disk INTEGER NOT NULL,
    ephemeral INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL
  );

  CREATE TABLE quotas (
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    resource TEXT NOT NULL,
    hard_limit INTEGER NOT NULL,
    PRIMARY KEY (project_id, region, resource)
  );

  CREATE TABLE configurations (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    datastore_version_id TEXT NOT NULL REFERENCES datastore_versions(id),
    "values" TEXT NOT NULL DEFAULT '{}',
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX configurations_scope ON configurations (project_id, region, id);

  CREATE TABLE instances (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    flavor_id TEXT NOT NULL,
    datastore_version_id TEXT NOT NULL REFERENCES datastore_versions(id),
    volume_size INTEGER NOT NULL,
    volume_type TEXT,
    volume_used REAL,
    task_status TEXT NOT NULL,
    server_status TEXT NOT NULL,
    service_status TEXT NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    service_status_updated INTEGER NOT NULL,
    fault_message TEXT,
    fault_details TEXT,
    fault_created INTEGER,
    addresses TEXT NOT NULL DEFAULT '[]',
    network_id TEXT,
    fixed_ip TEXT,
    availability_zone TEXT,
    locality TEXT,
    access TEXT NOT NULL DEFAULT '{}',
    configuration_id TEXT,
    replica_of_id TEXT,
    backup_id TEXT,
    server_id TEXT NOT NULL,
    volume_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    deleted_at INTEGER
  );
  CREATE INDEX instances_scope ON instances (project_id, region, id);
  CREATE INDEX instances_scope_seq ON instances (project_id, region, deleted, seq);
  CREATE INDEX instances_replica_of ON instances (replica_of_id);

  CREATE TABLE instance_databases (
    instance_id TEXT NOT NULL REFERENCES instances(id),
    name TEXT NOT NULL,
    character_set TEXT,
    collation TEXT,
    PRIMARY KEY (instance_id, name)
  );

  CREATE TABLE instance_users (
    instance_id TEXT NOT NULL REFERENCES instances(id),
    name TEXT NOT NULL,
    host TEXT NOT NULL DEFAULT '%',
    password_hash TEXT NOT NULL,
    databases TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (instance_id, name, host)
  );

  CREATE TABLE backups (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    region TEXT NOT NULL,
    instance_id TEXT,
    name TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL,
    size REAL,
    datastore_version_id TEXT REFERENCES datastore_versions(id),
    parent_id TEXT,
    location_ref TEXT,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX backups_scope ON backups (project_id, region, id);

  CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL UNIQUE REFERENCES instances(id),
    kind TEXT NOT NULL,
    step INTEGER NOT NULL DEFAULT 0,
    due_at INTEGER NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
  );
  CREATE INDEX tasks_due ON tasks (due_at);

  CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX events_instance ON events (instance_id, at);
  CREATE INDEX events_at ON events (at);
  `,
  BACKUPS_SCHEMA,
  CONFIGURATIONS_SCHEMA,
  USERS_DATABASES_SCHEMA,
  INSTANCE_EXTRAS_SCHEMA,
  DBAAS_SCHEMA,
  ADMIN_SCHEMA,
  BACKUP_DELETE_SCHEMA,
  MODULES_SCHEMA,
]
