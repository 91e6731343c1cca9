import { randomBytes } from 'node:crypto'
import type { Db } from '../store/db'
import { parseJson } from '../store/db'
import {
  appCredById,
  domainById,
  insertToken,
  projectById,
  rolesOn,
  tokenById,
  userById,
  type RoleRow,
} from '../store/identity-queries'
import { listRegions } from '../store/catalog-queries'
import { buildCatalog } from './catalog'
import { keystoneTime } from '../http-util'
import type { ResponseBody } from '../respond'
import type { tokenBodySchema } from '../../src/api/identity/schemas'

/** Who a valid token speaks for. */
export interface AuthContext {
  tokenId: string
  methods: string[]
  auditIds: string[]
  issuedAt: number
  expiresAt: number
  user: { id: string; name: string; domain: { id: string; name: string } }
  project: { id: string; name: string; domain: { id: string; name: string } } | null
  roles: RoleRow[]
  appCredId: string | null
  isAdmin: boolean
}

export const newTokenId = () => randomBytes(32).toString('base64url')
export const newAuditId = () => randomBytes(16).toString('base64url')

export function issueToken(
  db: Db,
  t: {
    userId: string
    projectId: string | null
    methods: string[]
    auditIds: string[]
    appCredId?: string | null
    issuedAt: number
    expiresAt: number
  },
): string {
  const id = newTokenId()
  insertToken(db, {
    id,
    user_id: t.userId,
    project_id: t.projectId,
    methods: JSON.stringify(t.methods),
    audit_ids: JSON.stringify(t.auditIds),
    app_cred_id: t.appCredId ?? null,
    issued_at: t.issuedAt,
    expires_at: t.expiresAt,
  })
  return id
}

/** The token's context, or null when it is unknown, revoked, expired or its owner is gone. */
export function validateToken(db: Db, id: string | undefined, now: number): AuthContext | null {
  if (!id) return null
  const row = tokenById(db, id)
  if (!row || row.revoked || row.expires_at <= now) return null
  const user = userById(db, row.user_id)
  if (!user || !user.enabled) return null
  const userDomain = domainById(db, user.domain_id)
  let project: AuthContext['project'] = null
  let roles: RoleRow[] = []
  if (row.project_id) {
    const p = projectById(db, row.project_id)
    if (!p || !p.enabled) return null
    const pd = domainById(db, p.domain_id)
    project = { id: p.id, name: p.name, domain: { id: p.domain_id, name: pd?.name ?? p.domain_id } }
    roles = rolesOn(db, user.id, p.id)
    if (row.app_cred_id) {
      const cred = appCredById(db, row.app_cred_id)
      if (!cred) return null
      const allowed = parseJson<string[]>(cred.roles, [])
      if (allowed.length > 0) roles = roles.filter((r) => allowed.includes(r.name))
    }
    if (roles.length === 0) return null
  }
  return {
    tokenId: row.id,
    methods: parseJson<string[]>(row.methods, []),
    auditIds: parseJson<string[]>(row.audit_ids, []),
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    user: {
      id: user.id,
      name: user.name,
      domain: { id: user.domain_id, name: userDomain?.name ?? user.domain_id },
    },
    project,
    roles,
    appCredId: row.app_cred_id,
    isAdmin: roles.some((r) => r.name === 'admin'),
  }
}

/** Keystone's token body for a context; catalog only for project-scoped tokens. */
export function tokenBody(
  db: Db,
  ctx: AuthContext,
  origin: string,
  withCatalog = true,
): ResponseBody<typeof tokenBodySchema> {
  const token: ResponseBody<typeof tokenBodySchema>['token'] = {
    methods: ctx.methods,
    user: {
      domain: ctx.user.domain,
      id: ctx.user.id,
      name: ctx.user.name,
      password_expires_at: null,
    },
    audit_ids: ctx.auditIds,
    expires_at: keystoneTime(ctx.expiresAt),
    issued_at: keystoneTime(ctx.issuedAt),
  }
  if (ctx.project) {
    token.project = { domain: ctx.project.domain, id: ctx.project.id, name: ctx.project.name }
    token.is_domain = false
    token.roles = ctx.roles.map((r) => ({ id: r.id, name: r.name }))
    if (withCatalog) {
      token.catalog = buildCatalog(
        origin,
        ctx.project.id,
        listRegions(db).map((r) => r.id),
      )
    }
    if (ctx.appCredId) {
      const cred = appCredById(db, ctx.appCredId)
      if (cred)
        token.application_credential = {
          id: cred.id,
          name: cred.name,
          restricted: !cred.unrestricted,
        }
    }
  }
  return { token }
}
