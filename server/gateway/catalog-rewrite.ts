/**
 * The browser may only talk to its own origin, and real Keystone/Trove send no CORS headers: the
 * gateway rewrites every catalog endpoint to a same-origin path `/gw/{endpointId}{path}` and
 * remembers which upstream origin each endpoint id stands for.
 */

export interface EndpointLike {
  id: string
  url: string
}
export interface CatalogEntryLike {
  endpoints: EndpointLike[]
}

/** endpoint id -> upstream origin (scheme://host:port). */
export type EndpointMap = Map<string, string>

const ENDPOINT_ID = /^[A-Za-z0-9_-]{1,128}$/

/** Rewrites the catalog in place to same-origin URLs; records each endpoint's upstream origin. */
export function rewriteCatalog(
  catalog: CatalogEntryLike[],
  publicOrigin: string,
  map: EndpointMap,
): void {
  for (const entry of catalog) {
    for (const ep of entry.endpoints) {
      let upstream: URL
      try {
        upstream = new URL(ep.url)
      } catch {
        continue // not a URL we can forward to: leave it as it is
      }
      if (!ENDPOINT_ID.test(ep.id)) continue
      map.set(ep.id, upstream.origin)
      const path = upstream.pathname.replace(/\/$/, '')
      ep.url = `${publicOrigin}/gw/${ep.id}${path}${upstream.search}`
    }
  }
}

/** Learns endpoint origins from a catalog without rewriting it (for a map rebuilt after restart). */
export function learnCatalog(catalog: CatalogEntryLike[], map: EndpointMap): void {
  for (const entry of catalog) {
    for (const ep of entry.endpoints) {
      try {
        if (ENDPOINT_ID.test(ep.id)) map.set(ep.id, new URL(ep.url).origin)
      } catch {
        // skip
      }
    }
  }
}

/** Splits `/gw/{id}/rest` into the endpoint id and the upstream path. */
export function parseGatewayPath(path: string): { endpointId: string; rest: string } | null {
  const m = /^\/gw\/([A-Za-z0-9_-]{1,128})(\/.*)?$/.exec(path)
  if (!m || !m[1]) return null
  return { endpointId: m[1], rest: m[2] ?? '/' }
}
