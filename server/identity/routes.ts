import { Hono, type Context } from 'hono'
import type { z } from 'zod'
import { authRequestSchema } from '../../src/api/identity/schemas'
import type { Db } from '../store/db'
import type { Clock } from '../engine/clock'
import {
  appCredById,
  appCredByName,
  domainById,
  domainByName,
  projectById,
  projectByName,
  projectsOfUser,
  revokeToken,
  rolesOn,
  userById,
  userByName,
  type DomainRow,
  type UserRow,
} from '../store/identity-queries'
import { isPlainObject, readJsonBody, requestOrigin } from '../http-util'
import { refuseInConstantTime, verifyPassword } from './passwords'
import {
  DEFAULT_LOGIN_THROTTLE,
  createLoginThrottle,
  type LoginThrottleOptions,
} from './login-throttle'
import { clientAddressOf } from '../public-origin'
import { issueToken, newAuditId, tokenBody, validateToken, type AuthContext } from './tokens'
import {
  KeystoneError,
  LoginLockedOut,
  badRequest,
  forbidden,
  notFound,
  unauthorized,
} from './errors'
import { listRegions } from '../store/catalog-queries'
import { buildCatalog } from './catalog'
import { registerApplicationCredentialRoutes } from './application-credentials'
import { registerDirectoryRoutes } from './directory-routes'

export interface IdentityDeps {
  db: Db
  clock: Clock
  /** Token lifetime in seconds. */
  tokenTtl: number
  /** Failed-login lockouts; default DEFAULT_LOGIN_THROTTLE. */
  loginThrottle?: LoginThrottleOptions
}

type DomainRef = { id: string } | { name: string }

function findDomain(db: Db, ref: DomainRef): DomainRow | undefined {
  return 'id' in ref ? domainById(db, ref.id) : domainByName(db, ref.name)
}

function issueMessage(error: z.core.$ZodError): string {
  const first = error.issues[0]
  if (!first) return 'Invalid input.'
  const field = first.path.slice(0, -1).join('/') || first.path.join('/') || 'auth'
  return `Invalid input for field '${field}': ${first.message}`
}

/** Keystone v3 subset: password, token and application-credential auth; token checks; projects. */
export function identityRoutes(deps: IdentityDeps): Hono {
  const { db, clock } = deps
  const app = new Hono()
  const throttle = createLoginThrottle(deps.loginThrottle ?? DEFAULT_LOGIN_THROTTLE)

  app.onError((err, c) => {
    if (err instanceof LoginLockedOut) c.header('Retry-After', String(err.retryAfter))
    if (err instanceof KeystoneError) {
      if (err.status === 401) c.header('WWW-Authenticate', `Keystone uri="${requestOrigin(c)}/v3"`)
      return c.json(err.body(), err.status)
    }
    throw err
  })

  const requireToken = (c: Context): AuthContext => {
    const ctx = validateToken(db, c.req.header('x-auth-token'), clock.now())
    if (!ctx) throw unauthorized()
    return ctx
  }

  app.get('/', (c) => {
    const origin = requestOrigin(c)
    return c.json({
      version: {
        id: 'v3.14',
        status: 'stable',
        updated: '2020-04-07T00:00:00Z',
        links: [{ rel: 'self', href: `${origin}/v3/` }],
        'media-types': [
          { base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' },
        ],
      },
    })
  })

  app.post('/auth/tokens', async (c) => {
    let raw: unknown
    try {
      raw = await readJsonBody(c)
    } catch {
      throw badRequest('The request body is not valid JSON.')
    }
    if (!isPlainObject(raw))
      throw badRequest("Invalid input for field 'auth': 'auth' is a required property")
    const parsed = authRequestSchema.safeParse(raw)
    if (!parsed.success) throw badRequest(issueMessage(parsed.error))
    const { identity, scope } = parsed.data.auth
    const now = clock.now()
    const ttlEnd = now + deps.tokenTtl * 1000

    let user: UserRow | undefined
    let methods: string[]
    let auditIds = [newAuditId()]
    let expiresAt = ttlEnd
    let projectId: string | null = null
    let appCredId: string | null = null

    const address = clientAddressOf(c.req)
    /** Checks a secret under the throttle: locked out -> 429, wrong -> counted, 401. */
    const checkSecret = async (key: string, secret: string, stored: string | undefined) => {
      const wait = throttle.retryAfter(key, address, clock.now())
      if (wait !== null) throw new LoginLockedOut(wait)
      // Unknown users cost a hash too: timing does not tell them from known ones.
      const ok =
        stored === undefined
          ? await refuseInConstantTime(secret)
          : await verifyPassword(secret, stored)
      if (!ok) {
        throttle.failed(key, address, clock.now())
        throw unauthorized()
      }
      throttle.succeeded(key)
    }

    if (identity.methods.includes('password')) {
      const pw = identity.password
      if (!pw)
        throw badRequest("Invalid input for field 'identity': 'password' is a required property")
      let key: string
      if ('id' in pw.user) {
        key = `id:${pw.user.id}`
        user = userById(db, pw.user.id)
      } else {
        const domain = findDomain(db, pw.user.domain)
        key = `name:${domain?.id ?? JSON.stringify(pw.user.domain)}/${pw.user.name}`
        user = domain ? userByName(db, domain.id, pw.user.name) : undefined
      }
      if (user) key = `id:${user.id}`
      await checkSecret(key, pw.user.password, user?.enabled ? user.password_hash : undefined)
      methods = ['password']
    } else if (identity.methods.includes('token')) {
      if (!identity.token)
        throw badRequest("Invalid input for field 'identity': 'token' is a required property")
      const original = validateToken(db, identity.token.id, now)
      if (!original) throw unauthorized()
      user = userById(db, original.user.id)
      methods = ['token']
      auditIds = [newAuditId(), ...original.auditIds.slice(0, 1)]
      expiresAt = Math.min(ttlEnd, original.expiresAt)
      if (original.appCredId) throw unauthorized()
    } else {
      const ac = identity.application_credential
      if (!ac) {
        throw badRequest(
          "Invalid input for field 'identity': 'application_credential' is a required property",
        )
      }
      const rawUser =
        isPlainObject(raw.auth) && isPlainObject(raw.auth.identity)
          ? (raw.auth.identity.application_credential as Record<string, unknown> | undefined)?.user
          : undefined
      let cred
      if (ac.id) cred = appCredById(db, ac.id)
      else if (ac.name && isPlainObject(rawUser)) {
        let owner: UserRow | undefined
        if (typeof rawUser.id === 'string') owner = userById(db, rawUser.id)
        else if (typeof rawUser.name === 'string' && isPlainObject(rawUser.domain)) {
          const d = rawUser.domain
          const domain =
            typeof d.id === 'string'
              ? domainById(db, d.id)
              : typeof d.name === 'string'
                ? domainByName(db, d.name)
                : undefined
          owner = domain ? userByName(db, domain.id, rawUser.name) : undefined
        }
        cred = owner ? appCredByName(db, owner.id, ac.name) : undefined
      } else {
        throw badRequest(
          'Could not find application credential: give its id, or its name and user.',
        )
      }
      const live = cred && (cred.expires_at === null || cred.expires_at > now) ? cred : undefined
      await checkSecret(`ac:${cred?.id ?? ac.id ?? ac.name}`, ac.secret, live?.secret_hash)
      if (!cred || !live) throw unauthorized()
      if (scope !== undefined) throw unauthorized()
      user = userById(db, cred.user_id)
      methods = ['application_credential']
      projectId = cred.project_id
      appCredId = cred.id
      if (cred.expires_at !== null) expiresAt = Math.min(expiresAt, cred.expires_at)
    }
    if (!user || !user.enabled) throw unauthorized()

    if (scope !== undefined && scope !== 'unscoped') {
      if (!('project' in scope)) throw unauthorized() // domain scope: nobody holds domain roles here
      const ref = scope.project
      let project
      if ('id' in ref) project = projectById(db, ref.id)
      else {
        const domain = findDomain(db, ref.domain)
        project = domain ? projectByName(db, domain.id, ref.name) : undefined
      }
      if (!project || !project.enabled) throw unauthorized()
      if (rolesOn(db, user.id, project.id).length === 0) throw unauthorized()
      projectId = project.id
    }

    const tokenId = issueToken(db, {
      userId: user.id,
      projectId,
      methods,
      auditIds,
      appCredId,
      issuedAt: now,
      expiresAt,
    })
    const ctx = validateToken(db, tokenId, now)
    if (!ctx) throw unauthorized()
    c.header('X-Subject-Token', tokenId)
    return c.json(tokenBody(db, ctx, requestOrigin(c)), 201)
  })

  /**
   * The token named by `X-Subject-Token`, when the caller may see it: Keystone's policy lets a
   * token validate or revoke only its own subject's tokens, unless it holds the admin role.
   */
  const subjectToken = (c: Context, action: string): AuthContext => {
    const caller = requireToken(c)
    const subject = c.req.header('x-subject-token')
    if (!subject) throw badRequest('The X-Subject-Token header is required.')
    const ctx = validateToken(db, subject, clock.now())
    if (!ctx) throw notFound('Could not find token.')
    if (!caller.isAdmin && caller.user.id !== ctx.user.id) {
      throw forbidden(`You are not authorized to perform the requested action: ${action}.`)
    }
    return ctx
  }

  app.get('/auth/tokens', (c) => {
    const action = c.req.method === 'HEAD' ? 'identity:check_token' : 'identity:validate_token'
    const ctx = subjectToken(c, action)
    const subject = ctx.tokenId
    c.header('X-Subject-Token', subject)
    const withCatalog = c.req.query('nocatalog') === undefined
    return c.json(tokenBody(db, ctx, requestOrigin(c), withCatalog))
  })

  app.delete('/auth/tokens', (c) => {
    const ctx = subjectToken(c, 'identity:revoke_token')
    revokeToken(db, ctx.tokenId)
    return c.body(null, 204)
  })

  // The catalog of the token's project (what the gateway re-reads each minute to follow it).
  app.get('/auth/catalog', (c) => {
    const ctx = requireToken(c)
    if (!ctx.project)
      throw forbidden('A project-scoped token is required to produce a service catalog.')
    const origin = requestOrigin(c)
    const regions = listRegions(db).map((r) => r.id)
    return c.json({
      catalog: buildCatalog(origin, ctx.project.id, regions),
      links: { self: `${origin}/v3/auth/catalog`, previous: null, next: null },
    })
  })

  app.get('/auth/projects', (c) => {
    const ctx = requireToken(c)
    const origin = requestOrigin(c)
    const projects = projectsOfUser(db, ctx.user.id)
      .filter((p) => p.enabled)
      .map((p) => ({
        id: p.id,
        name: p.name,
        domain_id: p.domain_id,
        description: p.description,
        enabled: true,
        is_domain: false,
        parent_id: p.domain_id,
        tags: [],
        links: { self: `${origin}/v3/projects/${p.id}` },
      }))
    return c.json({
      projects,
      links: { self: `${origin}/v3/auth/projects`, previous: null, next: null },
    })
  })

  registerApplicationCredentialRoutes(app, { db, clock, requireToken })
  registerDirectoryRoutes(app, { db, requireToken })

  app.all('*', () => {
    throw notFound('The resource could not be found.')
  })

  return app
}
