import { issueToken } from '@/api/identity/mutations'
import type { CatalogEntry } from '@/api/identity/schemas'
import type { Session } from '@/api/session/session-store'
import { parseCloudDate } from '@/lib/format'
import type { TokenTimes } from '../lib/renewal'
import type { WallCredential } from './wall-credential'

/** What the wall signs its requests with: its own token, not the console's session. */
export interface WallAuth {
  mode: 'credential' | 'session'
  /** Stable while renewals replace the token: keys the wall's data. */
  identity: string
  /** The wall's own token (credential mode); undefined: the console's session cookie signs. */
  token: string | undefined
  times: TokenTimes
  catalog: CatalogEntry[]
  projectId: string
  projectName: string
  userName: string
  roles: string[]
  credentialName: string | undefined
}

const time = (v: string, fallback: number) => parseCloudDate(v)?.getTime() ?? fallback

/** POST /v3/auth/tokens with the application_credential method (Keystone scopes it itself). */
export async function authenticateWithCredential(cred: WallCredential): Promise<WallAuth> {
  const receivedAt = Date.now()
  const { token, body } = await issueToken({
    auth: {
      identity: {
        methods: ['application_credential'],
        application_credential: { id: cred.id, secret: cred.secret },
      },
    },
  })
  const t = body.token
  const ac = (t as { application_credential?: { name?: unknown } }).application_credential
  return {
    mode: 'credential',
    identity: `credential:${cred.id}`,
    token,
    times: {
      issuedAt: time(t.issued_at, receivedAt),
      expiresAt: time(t.expires_at, receivedAt),
      receivedAt,
    },
    catalog: t.catalog ?? [],
    projectId: t.project?.id ?? '',
    projectName: t.project?.name ?? '',
    userName: t.user.name,
    roles: (t.roles ?? []).map((r) => r.name),
    credentialName: typeof ac?.name === 'string' ? ac.name : cred.label,
  }
}

/**
 * The console's own sign-in as a wall session. It cannot be renewed without the password, so
 * the wall runs until it expires and then says so (it never opens the re-login dialog).
 */
export function authFromSession(session: Session): WallAuth {
  const expiresAt = time(session.expiresAt, Date.now())
  return {
    mode: 'session',
    identity: `session:${session.user.id}:${session.project.id}`,
    token: undefined,
    // Lifetime unknown from the stored session: the browser clock is the reference.
    times: { issuedAt: 0, expiresAt, receivedAt: 0 },
    catalog: session.catalog,
    projectId: session.project.id,
    projectName: session.project.name,
    userName: session.user.name,
    roles: session.roles,
    credentialName: undefined,
  }
}
