import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { moduleKeys } from './keys'
import { moduleListSchema, type TroveModule } from './schemas'

/**
 * Trove's module list (`GET /modules`): the project's modules and the visible all-tenant ones.
 * A cloud that refuses the call (policy, no module support) makes the launch form fall back to
 * typed module ids and say so.
 */
export const modulesQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: moduleKeys.list(p),
    queryFn: async ({ signal }): Promise<TroveModule[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: '/modules',
        schema: moduleListSchema,
        signal,
      })
      return data.modules
    },
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  })
