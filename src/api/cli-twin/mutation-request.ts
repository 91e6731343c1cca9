import type { CatalogEntry } from '../identity/schemas'

/**
 * What a mutation sends, independent of the session: which API, method, path below the
 * service's catalog endpoint, and the JSON body. The mutation hooks build their request from it
 * and the dialogs show it as its CLI twin, so both describe the same request.
 */
export interface MutationRequest {
  service: 'database' | 'dbaas' | 'identity'
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  body?: unknown
}

/** The catalog's public URL of a service in a region, as the cloud published it (not rewritten). */
export function catalogUrl(
  catalog: readonly CatalogEntry[],
  service: MutationRequest['service'],
  region: string,
): string | undefined {
  for (const entry of catalog) {
    if (entry.type !== service) continue
    const eps = entry.endpoints.filter((ep) => (ep.region_id ?? ep.region) === region)
    const ep = eps.find((e) => e.interface === 'public') ?? eps[0]
    if (ep) return ep.url.replace(/\/$/, '')
  }
  return undefined
}
