import { createHash } from 'node:crypto'
import { tokenBodySchema, type CatalogEntry } from '../../src/api/identity/schemas'

/** What Keystone says of a viewer's token: the only project and regions it may be served. */
export interface Viewer {
  /** sha256 of the token: how the console server names a viewer (never the token itself). */
  key: string
  token: string
  userId: string
  projectId: string
  /** Sorted role names: watchers are keyed by them (an admin's reads never reach a member). */
  roles: string[]
  expiresAt: number
  /** Trove's same-origin base path per region (`/trove/R/v1.0/P`, `/gw/<endpoint>`). */
  troveBase: Map<string, string>
}

/** Sends a request to the console server itself (Keystone face or gateway, Trove face). */
export type SelfFetch = (
  path: string,
  init: { headers: Record<string, string> },
) => Promise<Response>

export type AuthResult =
  { ok: true; viewer: Viewer } | { ok: false; status: 401 | 502; message: string }

export const tokenKey = (token: string) => createHash('sha256').update(token).digest('hex')

/** The viewer's region and Trove base a request path is under, if any. */
export function troveTarget(
  viewer: Viewer,
  path: string,
): { region: string; base: string } | undefined {
  for (const [region, base] of viewer.troveBase) {
    if (path === base || path.startsWith(`${base}/`)) return { region, base }
  }
  return undefined
}

function troveBases(catalog: readonly CatalogEntry[] | undefined): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of catalog ?? []) {
    if (entry.type !== 'database') continue
    for (const e of entry.endpoints) {
      if (e.interface !== 'public') continue
      const region = e.region_id ?? e.region
      if (!region) continue
      try {
        out.set(region, new URL(e.url).pathname.replace(/\/+$/, ''))
      } catch {
        // a URL the console cannot follow: that region is not served
      }
    }
  }
  return out
}

/**
 * Validates viewers' tokens with Keystone (`GET /v3/auth/tokens`, the token as its own subject)
 * once, and remembers the answer for the token's life. A refused token is not remembered (the
 * next request asks again).
 */
export function createViewerAuth(opts: { self: SelfFetch; now?: () => number; max?: number }) {
  const now = opts.now ?? Date.now
  const max = opts.max ?? 10_000
  const cache = new Map<string, Viewer>()
  let validations = 0

  async function validate(token: string): Promise<AuthResult> {
    const key = tokenKey(token)
    const hit = cache.get(key)
    if (hit && hit.expiresAt > now()) return { ok: true, viewer: hit }
    if (hit) cache.delete(key)
    validations++
    let res: Response
    try {
      res = await opts.self('/v3/auth/tokens', {
        headers: { 'X-Auth-Token': token, 'X-Subject-Token': token, Accept: 'application/json' },
      })
    } catch {
      return { ok: false, status: 502, message: 'Keystone could not be reached.' }
    }
    if (res.status === 401 || res.status === 404) {
      return { ok: false, status: 401, message: 'The token is not valid (expired or revoked).' }
    }
    if (!res.ok) {
      return { ok: false, status: 502, message: `Keystone answered ${res.status}.` }
    }
    const parsed = tokenBodySchema.safeParse(await res.json().catch(() => null))
    if (!parsed.success) {
      return {
        ok: false,
        status: 502,
        message: 'Keystone sent a token body the console cannot read.',
      }
    }
    const t = parsed.data.token
    if (!t.project) {
      return { ok: false, status: 401, message: 'The token is not scoped to a project.' }
    }
    const viewer: Viewer = {
      key,
      token,
      userId: t.user.id,
      projectId: t.project.id,
      roles: (t.roles ?? []).map((r) => r.name).sort(),
      expiresAt: Date.parse(t.expires_at),
      troveBase: troveBases(t.catalog),
    }
    if (!(viewer.expiresAt > now())) {
      return { ok: false, status: 401, message: 'The token has expired.' }
    }
    if (cache.size >= max) {
      const oldest = cache.keys().next()
      if (!oldest.done) cache.delete(oldest.value)
    }
    cache.set(key, viewer)
    return { ok: true, viewer }
  }

  return {
    validate,
    /** Forgets a token the cloud refused (revoked before its end). */
    forget: (key: string) => cache.delete(key),
    /** How many times Keystone was asked (tests: once per token). */
    get validations() {
      return validations
    },
  }
}

export type ViewerAuth = ReturnType<typeof createViewerAuth>
