import type { Db } from './db'

export interface UserRow {
  id: string
  name: string
  domain_id: string
  password_hash: string
  enabled: number
}
export interface ProjectRow {
  id: string
  name: string
  domain_id: string
  description: string
  enabled: number
}
export interface DomainRow {
  id: string
  name: string
  enabled: number
}
export interface RoleRow {
  id: string
  name: string
}
export interface TokenRow {
  id: string
  user_id: string
  project_id: string | null
  methods: string
  audit_ids: string
  app_cred_id: string | null
  issued_at: number
  expires_at: number
  revoked: number
}
export interface AppCredRow {
  id: string
  name: string
  user_id: string
  project_id: string
  secret_hash: string
  roles: string
  unrestricted: number
  expires_at: number | null
}

export function domainById(db: Db, id: string): DomainRow | undefined {
  return db.prepare('SELECT * FROM domains WHERE id = ?').get(id) as DomainRow | undefined
}
export function domainByName(db: Db, name: string): DomainRow | undefined {
  return db.prepare('SELECT * FROM domains WHERE name = ?').get(name) as DomainRow | undefined
}
export function userById(db: Db, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
}
export function userByName(db: Db, domainId: string, name: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE domain_id = ? AND name = ?').get(domainId, name) as
    UserRow | undefined
}
export function projectById(db: Db, id: string): ProjectRow | undefined {
  return db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined
}
export function projectByName(db: Db, domainId: string, name: string): ProjectRow | undefined {
  return db
    .prepare('SELECT * FROM projects WHERE domain_id = ? AND name = ?')
    .get(domainId, name) as ProjectRow | undefined
}
export function rolesOn(db: Db, userId: string, projectId: string): RoleRow[] {
  return db
    .prepare(
      `SELECT r.id, r.name FROM role_assignments a JOIN roles r ON r.id = a.role_id
       WHERE a.user_id = ? AND a.project_id = ? ORDER BY r.name`,
    )
    .all(userId, projectId) as RoleRow[]
}
export function projectsOfUser(db: Db, userId: string): ProjectRow[] {
  return db
    .prepare(
      `SELECT DISTINCT p.* FROM projects p JOIN role_assignments a ON a.project_id = p.id
       WHERE a.user_id = ? ORDER BY p.name`,
    )
    .all(userId) as ProjectRow[]
}

/** Every project, by name (Keystone's `GET /v3/projects` for an admin). */
export function allProjects(db: Db): ProjectRow[] {
  return db.prepare('SELECT * FROM projects ORDER BY name, id').all() as ProjectRow[]
}
/** Every user, by name (Keystone's `GET /v3/users` for an admin). */
export function allUsers(db: Db): UserRow[] {
  return db.prepare('SELECT * FROM users ORDER BY name, id').all() as UserRow[]
}

export function insertToken(db: Db, t: Omit<TokenRow, 'revoked'>): void {
  db.prepare(
    `INSERT INTO tokens (id, user_id, project_id, methods, audit_ids, app_cred_id, issued_at, expires_at)
     VALUES (@id, @user_id, @project_id, @methods, @audit_ids, @app_cred_id, @issued_at, @expires_at)`,
  ).run(t)
}
export function tokenById(db: Db, id: string): TokenRow | undefined {
  return db.prepare('SELECT * FROM tokens WHERE id = ?').get(id) as TokenRow | undefined
}
export function revokeToken(db: Db, id: string): void {
  db.prepare('UPDATE tokens SET revoked = 1 WHERE id = ?').run(id)
}
/** Drops tokens that expired more than `graceMs` ago (keeps the table small). */
export function purgeExpiredTokens(db: Db, now: number, graceMs = 24 * 3600_000): number {
  return db.prepare('DELETE FROM tokens WHERE expires_at < ?').run(now - graceMs).changes
}

export function appCredById(db: Db, id: string): AppCredRow | undefined {
  return db.prepare('SELECT * FROM application_credentials WHERE id = ?').get(id) as
    AppCredRow | undefined
}
export function appCredByName(db: Db, userId: string, name: string): AppCredRow | undefined {
  return db
    .prepare('SELECT * FROM application_credentials WHERE user_id = ? AND name = ?')
    .get(userId, name) as AppCredRow | undefined
}
