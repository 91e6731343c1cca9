import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { flavorKeys } from './keys'
import { flavorListSchema, type Flavor } from './schemas'

/** Flavors change rarely: cached for 10 minutes. */
export const flavorsQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: flavorKeys.list(p),
    queryFn: async ({ signal }): Promise<Flavor[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: '/flavors',
        schema: flavorListSchema,
        signal,
      })
      return data.flavors
    },
    staleTime: 10 * 60_000,
  })

/** The flavors a datastore version allows (`GET /datastores/{ds}/versions/{v}/flavors`). */
export const versionFlavorsQueryOptions = (
  p: ScopeParams & { datastore: string; version: string },
) =>
  queryOptions({
    queryKey: flavorKeys.forVersion(p),
    queryFn: async ({ signal }): Promise<Flavor[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/datastores/${encodeURIComponent(p.datastore)}/versions/${encodeURIComponent(p.version)}/flavors`,
        schema: flavorListSchema,
        signal,
      })
      return data.flavors
    },
    staleTime: 10 * 60_000,
  })

/** The flavor an instance's `flavor.id` (number or string) refers to. */
export function findFlavor(
  flavors: readonly Flavor[] | undefined,
  id: string | number,
): Flavor | undefined {
  const key = String(id)
  return flavors?.find((f) => String(f.id) === key || f.str_id === key)
}
