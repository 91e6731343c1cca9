import { randomBytes, randomUUID } from 'node:crypto'
import type { Context, Hono } from 'hono'
import { z } from 'zod'
import type { Db } from '../store/db'
import { parseJson } from '../store/db'
import type { Clock } from '../engine/clock'
import {
  appCredOfUser,
  appCredsOfUser,
  deleteAppCred,
  insertAppCred,
  roleById,
  roleByName,
  type AppCredRecord,
} from '../store/app-cred-queries'
import { rolesOn } from '../store/identity-queries'
import { isPlainObject, keystoneTime, readJsonBody, requestOrigin } from '../http-util'
import { hashPassword } from './passwords'
import type { AuthContext } from './tokens'
import { badRequest, conflict, forbidden, notFound } from './errors'

/**
 * Keystone's application credentials (`/v3/users/{user_id}/application_credentials`): a user
 * delegates their roles on the token's project (or a subset) to a named secret that a program,
 * such as the status wall, exchanges for tokens without the user's password.
 */

const roleRefSchema = z.union([
  z.object({ id: z.string().min(1) }),
  z.object({ name: z.string().min(1) }),
])

const createSchema = z.object({
  application_credential: z.looseObject({
    name: z.string().min(1).max(255),
    description: z.string().max(255).nullable().optional(),
    secret: z.string().min(1).nullable().optional(),
    expires_at: z.string().nullable().optional(),
    roles: z.array(roleRefSchema).optional(),
    unrestricted: z.boolean().optional(),
  }),
})

/** Keystone shows application-credential times without a zone: `2026-11-23T04:53:15.000000`. */
const credTime = (ms: number) => keystoneTime(ms).replace(/Z$/, '')

function parseExpiry(text: string): number | undefined {
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`
  const t = Date.parse(zoned)
  return Number.isNaN(t) ? undefined : t
}

function view(db: Db, row: AppCredRecord, origin: string) {
  const roles = parseJson<string[]>(row.roles, []).map((name) => ({
    id: roleByName(db, name)?.id ?? name,
    name,
    domain_id: null,
  }))
  return {
    id: row.id,
    name: row.name,
    description: row.description || null,
    user_id: row.user_id,
    project_id: row.project_id,
    roles,
    expires_at: row.expires_at === null ? null : credTime(row.expires_at),
    unrestricted: row.unrestricted === 1,
    access_rules: [],
    links: {
      self: `${origin}/v3/users/${row.user_id}/application_credentials/${row.id}`,
    },
  }
}

function firstIssue(error: z.core.$ZodError): string {
  const first = error.issues[0]
  if (!first) return 'Invalid input.'
  const path = first.path.map(String)
  const field = path.length > 1 ? path.slice(0, -1).join('/') : (path[0] ?? 'request')
  const missing = first.code === 'invalid_type' && first.message.includes('undefined')
  return missing
    ? `Invalid input for field '${field}': '${path[path.length - 1]}' is a required property`
    : `Invalid input for field '${path.join('/') || 'request'}': ${first.message}`
}

export interface AppCredDeps {
  db: Db
  clock: Clock
  requireToken: (c: Context) => AuthContext
}

/** Who may act on `/users/{user_id}/application_credentials`: the owner, and for reads an admin. */
function authorize(ctx: AuthContext, userId: string, action: string, adminMay: boolean): void {
  if (ctx.user.id === userId) {
    // A restricted application credential must not mint or drop others (Keystone's safeguard).
    if (ctx.appCredId && action !== 'get' && action !== 'list') {
      throw forbidden(
        "Using method 'application_credential' is not allowed for managing additional application credentials.",
      )
    }
    return
  }
  if (adminMay && ctx.isAdmin) return
  throw forbidden(
    `You are not authorized to perform the requested action: identity:${action}_application_credential.`,
  )
}

export function registerApplicationCredentialRoutes(app: Hono, deps: AppCredDeps): void {
  const { db, clock, requireToken } = deps
  const base = '/users/:userId/application_credentials'

  app.post(base, async (c) => {
    const ctx = requireToken(c)
    const userId = c.req.param('userId')
    authorize(ctx, userId, 'create', false)
    if (!ctx.project) throw badRequest('Application credentials require a project-scoped token.')
    let raw: unknown
    try {
      raw = await readJsonBody(c)
    } catch {
      throw badRequest('The request body is not valid JSON.')
    }
    if (!isPlainObject(raw))
      throw badRequest(
        "Invalid input for field 'request': 'application_credential' is a required property",
      )
    const parsed = createSchema.safeParse(raw)
    if (!parsed.success) throw badRequest(firstIssue(parsed.error))
    const req = parsed.data.application_credential
    const now = clock.now()

    let expiresAt: number | null = null
    if (req.expires_at) {
      const t = parseExpiry(req.expires_at)
      if (t === undefined)
        throw badRequest(`Invalid input for field 'expires_at': '${req.expires_at}' is not a date.`)
      if (t <= now)
        throw badRequest(
          'Invalid application credential: the expiration time must be in the future.',
        )
      expiresAt = t
    }

    const held = rolesOn(db, ctx.user.id, ctx.project.id)
    // A token from a restricted credential holds only the credential's roles: ctx.roles.
    const available = ctx.appCredId ? ctx.roles : held
    let roles: string[]
    if (req.roles && req.roles.length > 0) {
      roles = []
      for (const ref of req.roles) {
        const role = 'id' in ref ? roleById(db, ref.id) : roleByName(db, ref.name)
        const label = 'id' in ref ? ref.id : ref.name
        if (!role || !available.some((r) => r.id === role.id)) {
          throw notFound(
            `Could not find role assignment with role: ${label}, user or group: ${ctx.user.id}, project, domain, or system: ${ctx.project.id}.`,
          )
        }
        if (!roles.includes(role.name)) roles.push(role.name)
      }
    } else {
      roles = available.map((r) => r.name)
    }

    if (appCredsOfUser(db, ctx.user.id, req.name).length > 0) {
      throw conflict(
        `Conflict occurred attempting to store application_credential - Duplicate entry found with name ${req.name}.`,
      )
    }

    const secret = req.secret ?? randomBytes(48).toString('base64url')
    const secretHash = await hashPassword(secret)
    // The hash is computed off the main thread: another request may have taken the name meanwhile.
    if (appCredsOfUser(db, ctx.user.id, req.name).length > 0) {
      throw conflict(
        `Conflict occurred attempting to store application_credential - Duplicate entry found with name ${req.name}.`,
      )
    }
    const row: AppCredRecord = {
      id: randomUUID().replace(/-/g, ''),
      name: req.name,
      user_id: ctx.user.id,
      project_id: ctx.project.id,
      secret_hash: secretHash,
      description: req.description ?? '',
      roles: JSON.stringify(roles),
      unrestricted: req.unrestricted ? 1 : 0,
      expires_at: expiresAt,
      created_at: now,
    }
    insertAppCred(db, row)
    return c.json({ application_credential: { ...view(db, row, requestOrigin(c)), secret } }, 201)
  })

  app.get(base, (c) => {
    const ctx = requireToken(c)
    const userId = c.req.param('userId')
    authorize(ctx, userId, 'list', true)
    const origin = requestOrigin(c)
    const name = c.req.query('name')
    return c.json({
      application_credentials: appCredsOfUser(db, userId, name).map((r) => view(db, r, origin)),
      links: {
        self: `${origin}/v3/users/${userId}/application_credentials`,
        previous: null,
        next: null,
      },
    })
  })

  const notFoundCred = (id: string) => notFound(`Could not find application credential: ${id}.`)

  app.get(`${base}/:credId`, (c) => {
    const ctx = requireToken(c)
    const userId = c.req.param('userId')
    authorize(ctx, userId, 'get', true)
    const row = appCredOfUser(db, userId, c.req.param('credId'))
    if (!row) throw notFoundCred(c.req.param('credId'))
    return c.json({ application_credential: view(db, row, requestOrigin(c)) })
  })

  app.delete(`${base}/:credId`, (c) => {
    const ctx = requireToken(c)
    const userId = c.req.param('userId')
    authorize(ctx, userId, 'delete', true)
    const row = appCredOfUser(db, userId, c.req.param('credId'))
    if (!row) throw notFoundCred(c.req.param('credId'))
    deleteAppCred(db, row.id)
    return c.body(null, 204)
  })
}
