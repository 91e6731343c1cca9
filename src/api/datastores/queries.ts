import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { datastoreKeys } from './keys'
import { datastoreListSchema, type Datastore } from './schemas'

/** Datastores and their (active) versions; they change rarely: cached for 10 minutes. */
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
      return data.datastores
    },
    staleTime: 10 * 60_000,
  })
