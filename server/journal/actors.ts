import { createHash } from 'node:crypto'
import { tokenBodySchema, type TokenBody } from '@/api/identity/schemas'
import type { Db } from '../store/db'
import type { Clock } from '../engine/clock'
import { validateToken } from '../identity/tokens'

/** Who a token belongs to: the Keystone user and the project it is scoped to. */
export interface Actor {
  userId: string
  userName: string
  projectId: string | null
  projectName: string | null
  isAdmin: boolean
  /** ms since the epoch. */
  expiresAt: number
}

export interface ActorResolver {
  /** The token's actor, or null when the token is missing, unknown or expired. */
  resolve(token: string | undefined): Promise<Actor | null>
  /** A Keystone token answer passed through (sign-in, re-scope): remember who the token is. */
  learn(subjectToken: string, body: unknown): void
  /** The region of a gateway endpoint id, learned from catalogs that passed through. */
  regionOfEndpoint(endpointId: string): string | null
}

/** The embedded cloud knows its tokens: ask its identity store directly. */
export function embeddedActors(db: Db, clock: Clock): ActorResolver {
  return {
    resolve(token) {
      const auth = validateToken(db, token, clock.now())
      if (!auth) return Promise.resolve(null)
      return Promise.resolve({
        userId: auth.user.id,
        userName: auth.user.name,
        projectId: auth.project?.id ?? null,
        projectName: auth.project?.name ?? null,
        isAdmin: auth.isAdmin,
        expiresAt: auth.expiresAt,
      })
    },
    learn() {},
    regionOfEndpoint: () => null,
  }
}

function actorOf(body: TokenBody): Actor {
  const t = body.token
  return {
    userId: t.user.id,
    userName: t.user.name,
    projectId: t.project?.id ?? null,
    projectName: t.project?.name ?? null,
    isAdmin: (t.roles ?? []).some((r) => r.name === 'admin'),
    expiresAt: Date.parse(t.expires_at),
  }
}

const MAX_CACHED = 10_000

/**
 * Gateway mode: a token is learned when the sign-in passes through, or validated once with
 * Keystone (`GET /v3/auth/tokens`, the token validating itself) and cached for its life. Tokens
 * are kept only as SHA-256 digests.
 */
export function keystoneActors(opts: {
  keystoneUrl: string
  fetchImpl?: typeof fetch
  now?: () => number
}): ActorResolver {
  const doFetch = opts.fetchImpl ?? fetch
  const now = opts.now ?? Date.now
  const cache = new Map<string, Actor>()
  const inFlight = new Map<string, Promise<Actor | null>>()
  const endpointRegions = new Map<string, string>()
  const digest = (token: string) => createHash('sha256').update(token).digest('base64url')

  const remember = (key: string, actor: Actor) => {
    if (cache.size >= MAX_CACHED) {
      for (const [k, a] of cache) if (a.expiresAt <= now()) cache.delete(k)
      if (cache.size >= MAX_CACHED) cache.clear()
    }
    cache.set(key, actor)
  }

  const learnCatalog = (body: TokenBody) => {
    for (const entry of body.token.catalog ?? []) {
      for (const ep of entry.endpoints) {
        const region = ep.region_id ?? ep.region
        if (region) endpointRegions.set(ep.id, region)
      }
    }
  }

  const validate = async (token: string): Promise<Actor | null> => {
    try {
      const res = await doFetch(`${opts.keystoneUrl}/auth/tokens`, {
        headers: { 'X-Auth-Token': token, 'X-Subject-Token': token, Accept: 'application/json' },
        signal: AbortSignal.timeout(15_000),
      })
      if (!res.ok) return null
      const parsed = tokenBodySchema.safeParse(await res.json())
      if (!parsed.success) return null
      learnCatalog(parsed.data)
      return actorOf(parsed.data)
    } catch {
      return null
    }
  }

  return {
    async resolve(token) {
      if (!token) return null
      const key = digest(token)
      const hit = cache.get(key)
      if (hit) {
        if (hit.expiresAt > now()) return hit
        cache.delete(key)
        return null
      }
      let pending = inFlight.get(key)
      if (!pending) {
        pending = validate(token).finally(() => inFlight.delete(key))
        inFlight.set(key, pending)
      }
      const actor = await pending
      if (actor && actor.expiresAt > now()) remember(key, actor)
      return actor
    },
    learn(subjectToken, body) {
      const parsed = tokenBodySchema.safeParse(body)
      if (!parsed.success) return
      learnCatalog(parsed.data)
      remember(digest(subjectToken), actorOf(parsed.data))
    },
    regionOfEndpoint: (id) => endpointRegions.get(id) ?? null,
  }
}
