import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { limitKeys } from './keys'
import { limitsResponseSchema, splitLimits, type Limits } from './schemas'

/** The project's limits in a region (`GET /limits`); quotas change rarely: 1 minute fresh. */
export const limitsQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: limitKeys.scope(p),
    queryFn: async ({ signal }): Promise<Limits> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: '/limits',
        schema: limitsResponseSchema,
        signal,
      })
      return splitLimits(data.limits)
    },
    staleTime: 60_000,
  })
