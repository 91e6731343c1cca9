import type { Db } from './db'

export interface ModuleRow {
  id: string
  tenant_id: string | null
  name: string
  type: string
  description: string | null
  contents: string
  md5: string
  datastore: string | null
  datastore_version: string | null
  auto_apply: number
  priority_apply: number
  apply_order: number
  is_admin: number
  visible: number
  live_update: number
  created_at: number
  updated_at: number
}

/** The modules a tenant sees: its own and the visible all-tenant ones (admins: every one). */
export function listModules(db: Db, tenantId: string, isAdmin: boolean): ModuleRow[] {
  if (isAdmin) return db.prepare('SELECT * FROM modules ORDER BY name, id').all() as ModuleRow[]
  return db
    .prepare(
      'SELECT * FROM modules WHERE tenant_id = ? OR (tenant_id IS NULL AND visible = 1) ORDER BY name, id',
    )
    .all(tenantId) as ModuleRow[]
}

export function findModule(db: Db, id: string): ModuleRow | undefined {
  return db.prepare('SELECT * FROM modules WHERE id = ?').get(id) as ModuleRow | undefined
}

export function insertModule(db: Db, row: ModuleRow): void {
  db.prepare(
    `INSERT INTO modules (id, tenant_id, name, type, description, contents, md5, datastore,
      datastore_version, auto_apply, priority_apply, apply_order, is_admin, visible, live_update,
      created_at, updated_at)
     VALUES (@id, @tenant_id, @name, @type, @description, @contents, @md5, @datastore,
      @datastore_version, @auto_apply, @priority_apply, @apply_order, @is_admin, @visible,
      @live_update, @created_at, @updated_at)`,
  ).run(row)
}
