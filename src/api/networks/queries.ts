import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import type { CatalogEntry } from '../identity/schemas'
import { endpointFor } from '../session/session-store'
import { networkKeys } from './keys'
import { networkListSchema, type Network } from './schemas'

/** Whether the catalog offers a network service (Neutron, type `network`) in the region. */
export function hasNetworkService(catalog: readonly CatalogEntry[], region: string): boolean {
  return endpointFor([...catalog], 'network', region) !== undefined
}

/**
 * The networks the project may attach (its own and the shared ones), from the catalog's network
 * service: `GET /v2.0/networks`. Only asked when the catalog has one (`hasNetworkService`).
 */
export const networksQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: networkKeys.list(p),
    queryFn: async ({ signal }): Promise<Network[]> => {
      const { data } = await apiRequest({
        service: 'network',
        region: p.region,
        path: '/v2.0/networks',
        schema: networkListSchema,
        signal,
      })
      return data.networks
    },
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  })
