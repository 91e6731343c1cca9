import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { datastoreKeys } from './keys'
import { datastoreListSchema, type Datastore } from './schemas'

/**
 * Datastores and their active versions; they change rarely: cached for 10 minutes. Trove lists
 * inactive versions (and datastores with no active version) to admins, flagged `active: false`;
 * nothing can be launched on them, so they are left out here (the admin pages read `/mgmt`).
 */
export const datastoresQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: datastoreKeys.list(p),
    queryFn: async ({ signal }): Promise<Datastore[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: '/datastores',
        schema: datastoreListSchema,
        signal,
      })
      return launchableDatastores(data.datastores)
    },
    staleTime: 10 * 60_000,
  })

/** Drops versions Trove flags inactive (admins only see the flag) and datastores left empty. */
export function launchableDatastores(list: Datastore[]): Datastore[] {
  return list
    .map((d) => ({ ...d, versions: d.versions.filter((v) => v.active !== false) }))
    .filter((d) => d.versions.length > 0)
}
