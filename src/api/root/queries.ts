import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { InstanceScope } from '../databases/keys'
import { rootKeys } from './keys'
import { rootStatusSchema } from './schemas'

export const rootStatusQueryOptions = (p: InstanceScope) =>
  queryOptions({
    queryKey: rootKeys.status(p),
    queryFn: async ({ signal }) => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/instances/${encodeURIComponent(p.instanceId)}/root`,
        schema: rootStatusSchema,
        signal,
      })
      return data
    },
    meta: { silent: true },
  })
