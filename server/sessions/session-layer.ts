import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { tokenBodySchema } from '../../src/api/identity/schemas'
import {
  CONSOLE_REQUEST_HEADER,
  SESSION_PATH,
  SESSION_SCOPE_PATH,
  sessionScopeRequestSchema,
} from '../../src/api/session/schemas'
import {
  clearSessionCookie,
  newSessionId,
  readSessionCookie,
  sessionIdHash,
  writeSessionCookie,
} from './session-cookie'
import { apiErrorResponse, type ApiErrorStatus } from '../request-guards'
import type { SessionStore, StoredSession } from './session-store'

export interface SessionLayerOptions {
  store: SessionStore
  /**
   * Sends a request through this whole server (its own `app.fetch`): to the embedded Keystone, or
   * through the gateway to the real one (catalog rewritten, as for any browser login).
   */
  dispatch: (req: Request, env: unknown) => Response | Promise<Response>
  /** Milliseconds since the epoch (the cloud's clock in tests). */
  now?: () => number
  /** Mark the cookie Secure even on http URLs (TLS ends at a proxy in front of this server). */
  secureCookie?: boolean
  log?: (line: string) => void
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Headers of the browser's request never passed on to the Keystone request made for it. */
const NOT_PASSED = new Set([
  // The inner answer is read here, not sent on: it must not come back compressed.
  'accept-encoding',
  'if-none-match',
  'cookie',
  'content-length',
  'transfer-encoding',
  'x-auth-token',
  'x-subject-token',
  CONSOLE_REQUEST_HEADER.toLowerCase(),
])
const CSRF_MESSAGE = `A request made with the console's session must carry the ${CONSOLE_REQUEST_HEADER}: 1 header.`

function pathOf(c: Context): string {
  return new URL(c.req.url).pathname
}

/** A refusal in the envelope of the API that owns the path (Keystone's for the session API). */
function sessionError(c: Context, status: ApiErrorStatus, message: string): Response {
  return apiErrorResponse(pathOf(c), status, message, 'keystone')
}

function hasConsoleHeader(c: Context): boolean {
  return c.req.header(CONSOLE_REQUEST_HEADER) === '1'
}

/**
 * Cookie sessions, as Horizon keeps its token server-side:
 * - `middleware`: a request with the session cookie and no `X-Auth-Token` gets the session's
 *   token attached before the cloud's routes or the gateway see it; a state-changing one must
 *   carry `X-Console-Request: 1` (403 otherwise). Requests with `X-Auth-Token` (CLI, curl, API
 *   users) pass unchanged.
 * - `routes` (mount at `/`): `POST /console-api/v1/session` signs in with a Keystone auth body
 *   and sets the cookie; `POST .../session/scope` re-scopes to another project and revokes the
 *   old token; `DELETE .../session` revokes the token and forgets the session; `GET` reads it.
 */
export function createSessionLayer(opts: SessionLayerOptions): {
  middleware: MiddlewareHandler
  routes: Hono
} {
  const { store } = opts
  const now = opts.now ?? Date.now
  const secure = opts.secureCookie ?? false
  const log = opts.log ?? (() => {})

  async function current(c: Context): Promise<StoredSession | undefined> {
    const id = readSessionCookie(c)
    return id ? store.get(sessionIdHash(id), now()) : undefined
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    const id = readSessionCookie(c)
    if (id === undefined || c.req.header('x-auth-token') !== undefined) return next()
    if (!SAFE_METHODS.has(c.req.method) && !hasConsoleHeader(c)) {
      return sessionError(c, 403, CSRF_MESSAGE)
    }
    const session = await store.get(sessionIdHash(id), now())
    // Unknown or expired: the request goes on without a token and the cloud answers 401.
    if (session) c.req.raw.headers.set('x-auth-token', session.token)
    return next()
  }

  /** A Keystone `/v3/auth/tokens` request through this server, as the browser's request would go. */
  function keystone(
    c: Context,
    method: 'POST' | 'DELETE',
    auth: { token?: string; subject?: string; body?: unknown },
  ): Promise<Response> {
    const headers = new Headers()
    c.req.raw.headers.forEach((value, key) => {
      if (!NOT_PASSED.has(key.toLowerCase())) headers.set(key, value)
    })
    headers.set('accept', 'application/json')
    if (auth.token) headers.set('x-auth-token', auth.token)
    if (auth.subject) headers.set('x-subject-token', auth.subject)
    let body: string | undefined
    if (auth.body !== undefined) {
      headers.set('content-type', 'application/json')
      body = JSON.stringify(auth.body)
    }
    const url = new URL('/v3/auth/tokens', c.req.url)
    return Promise.resolve(opts.dispatch(new Request(url, { method, headers, body }), c.env))
  }

  async function revoke(c: Context, token: string): Promise<void> {
    try {
      const res = await keystone(c, 'DELETE', { token, subject: token })
      // 404/401: already revoked or expired, which is what was wanted.
      if (!res.ok && res.status !== 404 && res.status !== 401) {
        log(`session: revoking a token answered ${res.status}`)
      }
    } catch (err) {
      log(`session: revoking a token failed: ${err instanceof Error ? err.message : String(err)}`)
    }
  }

  /**
   * Keystone's answer to a token request, made into a session: the cookie is set and the body
   * returned without `X-Subject-Token`. Any other answer goes back as Keystone gave it.
   */
  async function open(
    c: Context,
    res: Response,
    replacing?: StoredSession,
    keepId?: string,
  ): Promise<Response> {
    if (res.status !== 201) return withoutSubjectToken(res)
    const token = res.headers.get('x-subject-token')
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    const parsed = tokenBodySchema.safeParse(json)
    const expiresAt = parsed.success ? Date.parse(parsed.data.token.expires_at) : NaN
    if (!token || !parsed.success || !Number.isFinite(expiresAt)) {
      return sessionError(c, 400, 'Keystone answered the sign-in with no usable token.')
    }
    if (replacing) {
      await revoke(c, replacing.token)
      if (keepId === undefined) await store.delete(replacing.idHash)
    }
    const id = keepId ?? newSessionId()
    const t = now()
    await store.put({
      idHash: sessionIdHash(id),
      token,
      userId: parsed.data.token.user.id,
      projectId: parsed.data.token.project?.id ?? '',
      tokenBody: text,
      expiresAt,
      createdAt: t,
    })
    writeSessionCookie(c, id, (expiresAt - t) / 1000, secure)
    // Now and then, forget sessions whose tokens have expired.
    if (Math.random() < 0.05) void store.purgeExpired(t)
    return c.body(text, 201, { 'content-type': 'application/json' })
  }

  async function jsonBody(
    c: Context,
  ): Promise<{ ok: true; value: unknown } | { ok: false; res: Response }> {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json') {
      return {
        ok: false,
        res: sessionError(c, 415, 'The request body must be application/json.'),
      }
    }
    try {
      return { ok: true, value: JSON.parse(await c.req.text()) as unknown }
    } catch {
      return {
        ok: false,
        res: sessionError(c, 400, 'The request body is not valid JSON.'),
      }
    }
  }

  const routes = new Hono()

  // Signing in, out and switching project all change state: the console header is required
  // even without a cookie (no cross-site page may sign a browser in to someone else's account).
  const refused = (c: Context) =>
    hasConsoleHeader(c) ? undefined : sessionError(c, 403, CSRF_MESSAGE)

  routes.get(SESSION_PATH, async (c) => {
    const session = await current(c)
    if (!session) return sessionError(c, 401, 'There is no console session: sign in.')
    return c.body(session.tokenBody, 200, { 'content-type': 'application/json' })
  })

  // Sign in: a Keystone auth body (password or application credential), passed to Keystone.
  routes.post(SESSION_PATH, async (c) => {
    const no = refused(c)
    if (no) return no
    const body = await jsonBody(c)
    if (!body.ok) return body.res
    const v = body.value
    if (typeof v !== 'object' || v === null || !('auth' in v) || typeof v.auth !== 'object') {
      return sessionError(
        c,
        400,
        'The request body must be a Keystone auth request: {"auth": {...}}.',
      )
    }
    const res = await keystone(c, 'POST', { body: v })
    return open(c, res, await current(c))
  })

  // Project switch: a token for the other project, then the old one is revoked.
  routes.post(SESSION_SCOPE_PATH, async (c) => {
    const no = refused(c)
    if (no) return no
    const session = await current(c)
    if (!session) return sessionError(c, 401, 'There is no console session: sign in.')
    const body = await jsonBody(c)
    if (!body.ok) return body.res
    const parsed = sessionScopeRequestSchema.safeParse(body.value)
    if (!parsed.success) {
      return sessionError(c, 400, 'The request body must be {"project": {"id": "<project id>"}}.')
    }
    const res = await keystone(c, 'POST', {
      token: session.token,
      body: {
        auth: {
          identity: { methods: ['token'], token: { id: session.token } },
          scope: { project: { id: parsed.data.project.id } },
        },
      },
    })
    // Same user, same session: the id stays, the token is replaced (and the old one revoked).
    return open(c, res, session, readSessionCookie(c))
  })

  // Sign out: the token is revoked and the session forgotten; the cookie goes either way.
  routes.delete(SESSION_PATH, async (c) => {
    const no = refused(c)
    if (no) return no
    const session = await current(c)
    if (session) {
      await revoke(c, session.token)
      await store.delete(session.idHash)
    }
    clearSessionCookie(c, secure)
    return c.body(null, 204)
  })

  return { middleware, routes }
}

function withoutSubjectToken(res: Response): Response {
  if (!res.headers.has('x-subject-token')) return res
  const headers = new Headers(res.headers)
  headers.delete('x-subject-token')
  return new Response(res.body, { status: res.status, headers })
}
