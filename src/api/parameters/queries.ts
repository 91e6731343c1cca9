import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { parameterKeys, type VersionParams } from './keys'
import { parameterListSchema, type Parameter } from './schemas'

/** A datastore version's configuration parameters; they change rarely: cached for 10 minutes. */
export const parametersQueryOptions = (p: VersionParams) =>
  queryOptions({
    queryKey: parameterKeys.list(p),
    queryFn: async ({ signal }): Promise<Parameter[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/datastores/versions/${encodeURIComponent(p.versionId)}/parameters`,
        schema: parameterListSchema,
        signal,
      })
      return data['configuration-parameters']
    },
    staleTime: 10 * 60_000,
  })
