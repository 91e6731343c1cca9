/**
 * Trove modules (`/modules`), one migration: the table and the modules the embedded cloud offers
 * every tenant (tenant_id NULL, as Trove's "all tenants" modules). Datastore and version are kept
 * by name (NULL: all); the views resolve their ids.
 */
export const MODULES_SCHEMA = `
  CREATE TABLE modules (
    id TEXT PRIMARY KEY,
    tenant_id TEXT,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    description TEXT,
    contents TEXT NOT NULL,
    md5 TEXT NOT NULL,
    datastore TEXT,
    datastore_version TEXT,
    auto_apply INTEGER NOT NULL DEFAULT 0,
    priority_apply INTEGER NOT NULL DEFAULT 0,
    apply_order INTEGER NOT NULL DEFAULT 5,
    is_admin INTEGER NOT NULL DEFAULT 0,
    visible INTEGER NOT NULL DEFAULT 1,
    live_update INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX modules_tenant ON modules (tenant_id);
  INSERT INTO modules (id, tenant_id, name, type, description, contents, md5, datastore,
    datastore_version, is_admin, created_at, updated_at) VALUES
    ('5a4f8c1e-7d2b-4e6a-9c3f-0b1d2e3f4a01', NULL, 'ping', 'ping',
     'Answers a ping from the guest agent (Trove''s test module type)', 'message=ping',
     'b4c0a7f5f1e0b51b8c8f5c1d7c9e6a21', NULL, NULL, 1, 1767603600000, 1767603600000),
    ('5a4f8c1e-7d2b-4e6a-9c3f-0b1d2e3f4a02', NULL, 'mysql-audit-log', 'ping',
     'Audit logging settings for MySQL', 'message=audit',
     '0d6f1b7e9a3c4e2f8b1a5c7d9e0f2a43', 'mysql', NULL, 1, 1767603600000, 1767603600000),
    ('5a4f8c1e-7d2b-4e6a-9c3f-0b1d2e3f4a03', NULL, 'mysql-8-tuning', 'ping',
     'Settings for MySQL 8.0 only', 'message=tuning',
     '7e2a9c4b1d3f5e6a8b0c2d4e6f8a0b15', 'mysql', '8.0', 1, 1767603600000, 1767603600000),
    ('5a4f8c1e-7d2b-4e6a-9c3f-0b1d2e3f4a04', NULL, 'pg-extensions', 'ping',
     'Preloads PostgreSQL extensions', 'message=extensions',
     '3c5e7a9b1d2f4a6c8e0b2d4f6a8c0e27', 'postgresql', NULL, 1, 1767603600000, 1767603600000);
`
