import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { fetchAllPages, pagePath } from '../instances/pagination'
import { configurationKeys, type ConfigurationParams } from './keys'
import {
  configurationInstancesSchema,
  configurationListSchema,
  configurationShowSchema,
  instanceConfigurationSchema,
  type Configuration,
  type ConfigurationSummary,
  type ConfigurationValues,
} from './schemas'

/** Every configuration group of the project in the region (all pages). */
export const configurationsQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: configurationKeys.list(p),
    queryFn: ({ signal }): Promise<ConfigurationSummary[]> =>
      fetchAllPages(
        async (params) => {
          const { data } = await apiRequest({
            service: 'database',
            region: p.region,
            path: pagePath('/configurations', params),
            schema: configurationListSchema,
            signal,
          })
          return { items: data.configurations, links: data.links }
        },
        { limit: 100 },
      ),
  })

export const configurationQueryOptions = (p: ConfigurationParams) =>
  queryOptions({
    queryKey: configurationKeys.detail(p),
    queryFn: async ({ signal }): Promise<Configuration> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/configurations/${encodeURIComponent(p.id)}`,
        schema: configurationShowSchema,
        signal,
      })
      return data.configuration
    },
  })

/** The instances a group is attached to. */
export const configurationInstancesQueryOptions = (p: ConfigurationParams) =>
  queryOptions({
    queryKey: configurationKeys.instances(p),
    queryFn: async ({ signal }) => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/configurations/${encodeURIComponent(p.id)}/instances`,
        schema: configurationInstancesSchema,
        signal,
      })
      return data.instances
    },
  })

/** The datastore's rendered defaults for an instance's flavor (`GET /instances/{id}/configuration`). */
export const instanceDefaultsQueryOptions = (p: ScopeParams & { instanceId: string }) =>
  queryOptions({
    queryKey: configurationKeys.instanceDefaults(p),
    queryFn: async ({ signal }): Promise<ConfigurationValues> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/instances/${encodeURIComponent(p.instanceId)}/configuration`,
        schema: instanceConfigurationSchema,
        signal,
      })
      return data.instance.configuration
    },
    staleTime: 5 * 60_000,
  })
