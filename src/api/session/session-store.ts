import * as z from 'zod/mini'
import { catalogEntrySchema, type CatalogEntry, type TokenBody } from '../identity/schemas'

/**
 * The signed-in session as the browser knows it: what the Keystone token says (user, project,
 * roles, catalog, expiry), plus the region the user picked. Never the token itself: the console's
 * server keeps it and the browser holds only an HttpOnly session cookie (issue 19). Kept in
 * localStorage so a reload or a shared link opens signed in; a small external store so React
 * reads it with useSyncExternalStore.
 */
export const sessionSchema = z.object({
  expiresAt: z.string(),
  user: z.object({
    id: z.string(),
    name: z.string(),
    domainId: z.string(),
    domainName: z.string(),
  }),
  project: z.object({ id: z.string(), name: z.string() }),
  roles: z.array(z.string()),
  catalog: z.array(catalogEntrySchema),
  region: z.string(),
  /** How the session was opened, so the re-login dialog and the wall know how to renew it. */
  method: z._default(z.enum(['password', 'application_credential']), 'password'),
  /** True once the cloud refused the token: the re-login dialog is open, the page stays. */
  expired: z._default(z.boolean(), false),
})
export type Session = z.infer<typeof sessionSchema>

const STORAGE_KEY = 'dbaas-console.session'

type Listener = () => void
const listeners = new Set<Listener>()
let current: Session | null = load()

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage
}

function load(): Session | null {
  try {
    const raw = storage()?.getItem(STORAGE_KEY)
    if (!raw) return null
    const json: unknown = JSON.parse(raw)
    // A session stored by an older console, with its token in it: drop it from the browser.
    if (typeof json === 'object' && json !== null && 'token' in json) {
      storage()?.removeItem(STORAGE_KEY)
      return null
    }
    const parsed = sessionSchema.safeParse(json)
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function emit(next: Session | null) {
  current = next
  const s = storage()
  if (s) {
    if (next) s.setItem(STORAGE_KEY, JSON.stringify(next))
    else s.removeItem(STORAGE_KEY)
  }
  for (const l of listeners) l()
}

export const sessionStore = {
  get: (): Session | null => current,
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  set: (next: Session | null) => emit(next),
  markExpired() {
    if (current && !current.expired) emit({ ...current, expired: true })
  },
  setRegion(region: string) {
    if (current) emit({ ...current, region })
  },
  clear: () => emit(null),
}

// Another tab signed in again or out: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) {
      current = load()
      for (const l of listeners) l()
    }
  })
}

/** Regions the catalog offers for a service type, in catalog order. */
export function regionsFor(catalog: CatalogEntry[], type: string): string[] {
  const regions = new Set<string>()
  for (const entry of catalog) {
    if (entry.type !== type) continue
    for (const ep of entry.endpoints) {
      const r = ep.region_id ?? ep.region
      if (r) regions.add(r)
    }
  }
  return [...regions]
}

/** The public endpoint of a service in a region, as a same-origin path when it is on our origin. */
export function endpointFor(
  catalog: CatalogEntry[],
  type: string,
  region: string,
  origin?: string,
): string | undefined {
  for (const entry of catalog) {
    if (entry.type !== type) continue
    const eps = entry.endpoints.filter((ep) => (ep.region_id ?? ep.region) === region)
    const ep = eps.find((e) => e.interface === 'public') ?? eps[0]
    if (!ep) continue
    return sameOrigin(ep.url, origin)
  }
  return undefined
}

/** The browser may only talk to its own origin: keep the path of an absolute URL on it. */
export function sameOrigin(url: string, origin?: string): string {
  try {
    const u = new URL(url)
    if (origin === undefined || u.origin === origin) return u.pathname.replace(/\/$/, '') + u.search
    return url.replace(/\/$/, '')
  } catch {
    return url.replace(/\/$/, '')
  }
}

/** Builds a session from a Keystone token response (the console's server kept the token). */
export function sessionFromToken(
  body: TokenBody,
  opts: { region?: string; method?: Session['method'] } = {},
): Session {
  const t = body.token
  const catalog = t.catalog ?? []
  const regions = regionsFor(catalog, 'database')
  const region = opts.region && regions.includes(opts.region) ? opts.region : (regions[0] ?? '')
  return {
    expiresAt: t.expires_at,
    user: {
      id: t.user.id,
      name: t.user.name,
      domainId: t.user.domain.id,
      domainName: t.user.domain.name,
    },
    project: { id: t.project?.id ?? '', name: t.project?.name ?? '' },
    roles: (t.roles ?? []).map((r) => r.name),
    catalog,
    region,
    method: opts.method ?? 'password',
    expired: false,
  }
}

export function isAdmin(session: Session | null): boolean {
  return !!session?.roles.includes('admin')
}
