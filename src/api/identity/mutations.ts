import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { ApiError } from '../errors'
import { forgetBrowserSecrets } from '../session/browser-secrets'
import { SESSION_PATH, SESSION_SCOPE_PATH, type SessionScopeRequest } from '../session/schemas'
import { sessionFromToken, sessionStore, type Session } from '../session/session-store'
import { tokenBodySchema, type AuthRequest, type TokenBody } from './schemas'
import { listAuthProjects } from './queries'

export interface IssuedToken {
  token: string
  body: ReturnType<typeof tokenBodySchema.parse>
}

/**
 * POST /v3/auth/tokens for a client that keeps its own token (the status wall's application
 * credential): the token is the X-Subject-Token header. The console's sign-in uses
 * `openSession` instead, which leaves the token on the server.
 */
export async function issueToken(request: AuthRequest) {
  const res = await apiRequest({
    service: 'identity',
    path: '/auth/tokens',
    method: 'POST',
    body: request,
    schema: tokenBodySchema,
    anonymous: true,
  })
  const token = res.headers.get('X-Subject-Token')
  if (!token) {
    throw new ApiError({
      status: res.status,
      kind: 'invalid-response',
      message: 'Keystone issued no token (the X-Subject-Token header is missing).',
    })
  }
  return { token, body: res.data } satisfies IssuedToken
}

/**
 * Signs in through the console's server (POST /console-api/v1/session with a Keystone auth
 * body): it keeps the token and sets the HttpOnly session cookie; the browser gets the token's
 * body (user, project, roles, catalog), never the token.
 */
export async function openSession(request: AuthRequest): Promise<TokenBody> {
  const res = await apiRequest({
    service: 'identity',
    path: '',
    url: SESSION_PATH,
    method: 'POST',
    body: request,
    schema: tokenBodySchema,
    anonymous: true,
  })
  return res.data
}

/** Re-scopes the session's token to another project; the server revokes the old token. */
async function rescopeSession(projectId: string, signingIn = false): Promise<TokenBody> {
  const body: SessionScopeRequest = { project: { id: projectId } }
  const res = await apiRequest({
    service: 'identity',
    path: '',
    url: SESSION_SCOPE_PATH,
    method: 'POST',
    body,
    schema: tokenBodySchema,
    anonymous: signingIn,
  })
  return res.data
}

export interface LoginInput {
  username: string
  password: string
  /** Project name; empty means the user's first project. */
  project?: string | undefined
  domain: string
}

export class NoProjectError extends Error {
  constructor() {
    super('This user has no project to work in. Ask an administrator to give you a role on one.')
    this.name = 'NoProjectError'
  }
}

/**
 * Password sign-in through the console's session. With a project: one scoped request. Without:
 * an unscoped session, the user's projects (GET /v3/auth/projects), then a re-scope to the first.
 */
export async function login(input: LoginInput): Promise<Session> {
  const user = { name: input.username, password: input.password, domain: { name: input.domain } }
  const project = input.project?.trim()
  if (project) {
    const body = await openSession({
      auth: {
        identity: { methods: ['password'], password: { user } },
        scope: { project: { name: project, domain: { name: input.domain } } },
      },
    })
    return sessionFromToken(body)
  }
  const unscoped = await openSession({
    auth: { identity: { methods: ['password'], password: { user } }, scope: 'unscoped' },
  })
  // Keystone may still scope to the user's default project: fine, that is a project.
  if (unscoped.token.project) return sessionFromToken(unscoped)
  const projects = await listAuthProjects({ signingIn: true })
  const first = projects[0]
  if (!first) throw new NoProjectError()
  return sessionFromToken(await rescopeSession(first.id, true))
}

/** Re-authenticates the current user for the current project, keeping the region. */
export async function relogin(session: Session, password: string): Promise<Session> {
  const body = await openSession({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { id: session.user.id, password } },
      },
      scope: { project: { id: session.project.id } },
    },
  })
  return sessionFromToken(body, { region: session.region, method: session.method })
}

/** DELETE /console-api/v1/session: the server revokes the token and forgets the session. */
export async function closeSession(): Promise<void> {
  await apiRequest({
    service: 'identity',
    path: '',
    url: SESSION_PATH,
    method: 'DELETE',
    anonymous: true,
  })
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: login,
    meta: { silent: true },
    onSuccess(session) {
      queryClient.clear()
      sessionStore.set(session)
    },
  })
}

export function useRelogin() {
  return useMutation({
    mutationFn: ({ session, password }: { session: Session; password: string }) =>
      relogin(session, password),
    meta: { silent: true },
  })
}

/**
 * The session re-scoped to another project of the same user, keeping the region and method; the
 * console's server revokes the old project's token.
 */
export async function switchProject(session: Session, projectId: string): Promise<Session> {
  return sessionFromToken(await rescopeSession(projectId), {
    region: session.region,
    method: session.method,
  })
}

/**
 * Signs out: the server revokes the token and forgets the session (best effort), the browser
 * forgets the session, every cached answer and the wall's application credential secret.
 */
export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (_session: Session) => {
      try {
        await closeSession()
      } catch {
        // An expired or already revoked session still signs out locally.
      }
    },
    meta: { silent: true },
    onSettled() {
      forgetBrowserSecrets()
      sessionStore.clear()
      queryClient.clear()
    },
  })
}
