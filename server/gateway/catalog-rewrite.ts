/**
 * The browser may only talk to its own origin, and real Keystone/Trove send no CORS headers: the
 * gateway rewrites a token's catalog endpoints to same-origin paths `/gw/{endpointId}{path}` and
 * forwards those paths only to the endpoints of the caller's own catalog.
 */

export interface EndpointLike {
  id: string
  url: string
  interface?: string
}
export interface CatalogEntryLike {
  endpoints: EndpointLike[]
}

/** The interface the gateway forwards to (`--gateway-interface`). */
export type EndpointInterface = 'public' | 'internal' | 'admin'

/** endpoint id -> upstream base URL (one token's catalog). */
export type EndpointMap = Map<string, URL>

const ENDPOINT_ID = /^[A-Za-z0-9_-]{1,128}$/

/** Whether an endpoint is one the gateway forwards to (no interface named: public). */
const offered = (ep: EndpointLike, allowed: EndpointInterface) =>
  (ep.interface ?? 'public') === allowed

function upstreamOf(ep: EndpointLike): URL | null {
  if (!ENDPOINT_ID.test(ep.id)) return null
  try {
    const u = new URL(ep.url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null
  } catch {
    return null
  }
}

/** The endpoints of a catalog the gateway may forward to, by id. */
export function catalogEndpoints(
  catalog: CatalogEntryLike[],
  allowed: EndpointInterface,
): EndpointMap {
  const map: EndpointMap = new Map()
  for (const entry of catalog) {
    for (const ep of entry.endpoints) {
      const u = offered(ep, allowed) ? upstreamOf(ep) : null
      if (u) map.set(ep.id, u)
    }
  }
  return map
}

/**
 * Rewrites a catalog in place for the browser: endpoints of the allowed interface become
 * `${publicOrigin}/gw/{id}{path}`; the others (internal, admin, unparsable) are dropped, so no
 * upstream address reaches the browser. Returns the endpoints it rewrote.
 */
export function rewriteCatalog(
  catalog: CatalogEntryLike[],
  publicOrigin: string,
  allowed: EndpointInterface,
): EndpointMap {
  const map = catalogEndpoints(catalog, allowed)
  for (const entry of catalog) {
    entry.endpoints = entry.endpoints.filter((ep) => map.has(ep.id))
    for (const ep of entry.endpoints) {
      const upstream = map.get(ep.id)!
      const path = upstream.pathname.replace(/\/$/, '')
      ep.url = `${publicOrigin}/gw/${ep.id}${path}${upstream.search}`
    }
  }
  return map
}

/** Splits `/gw/{id}/rest` into the endpoint id and the upstream path. */
export function parseGatewayPath(path: string): { endpointId: string; rest: string } | null {
  const m = /^\/gw\/([A-Za-z0-9_-]{1,128})(\/.*)?$/.exec(path)
  if (!m || !m[1]) return null
  return { endpointId: m[1], rest: m[2] ?? '/' }
}

/**
 * The upstream URL for `rest` on an endpoint, or null when `rest` leaves the endpoint's path
 * (`/gw/{trove}/../identity/...`, another service on the same host): only the catalog's
 * endpoints are forwarded to, not any path on their hosts.
 */
export function upstreamTarget(base: URL, rest: string, search: string): string | null {
  const prefix = base.pathname.replace(/\/+$/, '')
  const segments = rest.split('/')
  if (segments.some((s) => s === '..' || s === '.' || /%2e|%2f|%5c/i.test(s) || s.includes('\\')))
    return null
  if (prefix !== '' && rest !== prefix && !rest.startsWith(`${prefix}/`)) return null
  return `${base.origin}${rest}${search}`
}
