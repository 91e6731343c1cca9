import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { ApiError } from '../errors'
import { sessionFromToken, sessionStore, type Session } from '../session/session-store'
import { tokenBodySchema, type AuthRequest } from './schemas'
import { listAuthProjects } from './queries'

export interface IssuedToken {
  token: string
  body: ReturnType<typeof tokenBodySchema.parse>
}

/** POST /v3/auth/tokens; the token is the X-Subject-Token header. */
export async function issueToken(request: AuthRequest, opts: { token?: string } = {}) {
  const res = await apiRequest({
    service: 'identity',
    path: '/auth/tokens',
    method: 'POST',
    body: request,
    schema: tokenBodySchema,
    ...(opts.token ? { token: opts.token } : { anonymous: true }),
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

/** Exchanges a token for one scoped to another project (the token method). */
export function rescopeToken(token: string, projectId: string) {
  return issueToken(
    {
      auth: {
        identity: { methods: ['token'], token: { id: token } },
        scope: { project: { id: projectId } },
      },
    },
    { token },
  )
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
 * Password sign-in. With a project: one scoped request. Without: an unscoped token, the user's
 * projects (GET /v3/auth/projects), then a re-scope to the first one.
 */
export async function login(input: LoginInput): Promise<Session> {
  const user = { name: input.username, password: input.password, domain: { name: input.domain } }
  const project = input.project?.trim()
  if (project) {
    const issued = await issueToken({
      auth: {
        identity: { methods: ['password'], password: { user } },
        scope: { project: { name: project, domain: { name: input.domain } } },
      },
    })
    return sessionFromToken(issued.token, issued.body)
  }
  const unscoped = await issueToken({
    auth: { identity: { methods: ['password'], password: { user } }, scope: 'unscoped' },
  })
  // Keystone may still scope to the user's default project: fine, that is a project.
  if (unscoped.body.token.project) return sessionFromToken(unscoped.token, unscoped.body)
  const projects = await listAuthProjects({ token: unscoped.token })
  const first = projects[0]
  if (!first) throw new NoProjectError()
  const scoped = await rescopeToken(unscoped.token, first.id)
  return sessionFromToken(scoped.token, scoped.body)
}

/** Re-authenticates the current user for the current project, keeping the region. */
export async function relogin(session: Session, password: string): Promise<Session> {
  const issued = await issueToken({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { id: session.user.id, password } },
      },
      scope: { project: { id: session.project.id } },
    },
  })
  return sessionFromToken(issued.token, issued.body, { region: session.region })
}

/** DELETE /v3/auth/tokens: revokes the session's token. */
export async function revokeToken(token: string): Promise<void> {
  await apiRequest({
    service: 'identity',
    path: '/auth/tokens',
    method: 'DELETE',
    token,
    headers: { 'X-Subject-Token': token },
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

/** The session re-scoped to another project of the same user, keeping the region and method. */
export async function switchProject(session: Session, projectId: string): Promise<Session> {
  const issued = await rescopeToken(session.token, projectId)
  return sessionFromToken(issued.token, issued.body, {
    region: session.region,
    method: session.method,
  })
}

/** Signs out: revokes the token (best effort), forgets the session and every cached answer. */
export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (session: Session) => {
      try {
        await revokeToken(session.token)
      } catch {
        // An expired or already revoked token still signs out locally.
      }
    },
    meta: { silent: true },
    onSettled() {
      sessionStore.clear()
      queryClient.clear()
    },
  })
}
