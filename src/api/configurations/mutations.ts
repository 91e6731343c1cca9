import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { instanceKeys, type ScopeParams } from '../instances/keys'
import type { InstanceRef } from '../instances/mutations'
import { instanceRequests } from '../instances/requests'
import { configurationKeys } from './keys'
import { configurationRequests } from './requests'
import {
  configurationShowSchema,
  type Configuration,
  type ConfigurationSummary,
  type ConfigurationValues,
} from './schemas'
import { configurationBodyText } from './values-json'

// Mutations are `silent`: the form or dialog that calls one shows the ApiError itself, on the
// field the message names when it names one.

export interface ValuesChange {
  values: ConfigurationValues
  /** Names of float parameters (their whole numbers are sent as 2.0). */
  floatKeys: ReadonlySet<string>
}

function refreshGroup(client: QueryClient, scope: ScopeParams, id: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: configurationKeys.detail({ ...scope, id }) }),
    client.invalidateQueries({ queryKey: configurationKeys.list(scope) }),
    client.invalidateQueries({ queryKey: configurationKeys.instances({ ...scope, id }) }),
    // Attached instances may have become RESTART_REQUIRED.
    client.invalidateQueries({ queryKey: instanceKeys.scope(scope) }),
  ])
}

export function useCreateConfiguration(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: async (
      v: ValuesChange & {
        name: string
        description?: string | undefined
        datastore: { type: string; version: string }
      },
    ): Promise<Configuration> => {
      const body = {
        configuration: {
          name: v.name,
          ...(v.description ? { description: v.description } : {}),
          datastore: v.datastore,
          values: v.values,
        },
      }
      const { data } = await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'POST',
        path: '/configurations',
        bodyText: configurationBodyText(body, v.floatKeys),
        schema: configurationShowSchema,
      })
      return data.configuration
    },
    onSuccess: (conf) => {
      client.setQueryData(configurationKeys.detail({ ...scope, id: conf.id }), conf)
      client.setQueryData<ConfigurationSummary[]>(configurationKeys.list(scope), (list) =>
        list ? [...list.filter((c) => c.id !== conf.id), conf] : list,
      )
      void client.invalidateQueries({ queryKey: configurationKeys.list(scope) })
    },
  })
}

/** `PATCH`: the values sent are merged into the group's (others are kept). */
export function usePatchConfiguration(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: ValuesChange & { id: string }) =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'PATCH',
        path: `/configurations/${encodeURIComponent(v.id)}`,
        bodyText: configurationBodyText({ configuration: { values: v.values } }, v.floatKeys),
      }),
    onSuccess: (_d, v) => refreshGroup(client, scope, v.id),
  })
}

/** `PUT`: the group's values become exactly these; name and description may change too. */
export function useReplaceConfiguration(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: ValuesChange & { id: string; name?: string; description?: string }) =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'PUT',
        path: `/configurations/${encodeURIComponent(v.id)}`,
        bodyText: configurationBodyText(
          {
            configuration: {
              values: v.values,
              ...(v.name ? { name: v.name } : {}),
              ...(v.description ? { description: v.description } : {}),
            },
          },
          v.floatKeys,
        ),
      }),
    onSuccess: (_d, v) => refreshGroup(client, scope, v.id),
  })
}

export function useDeleteConfiguration(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { id: string }) =>
      apiRequest({ ...configurationRequests.delete(v.id), region: scope.region }),
    onSuccess: (_d, v) => {
      client.setQueryData<ConfigurationSummary[]>(configurationKeys.list(scope), (list) =>
        list?.filter((c) => c.id !== v.id),
      )
      client.removeQueries({ queryKey: configurationKeys.detail({ ...scope, id: v.id }) })
      void client.invalidateQueries({ queryKey: configurationKeys.list(scope) })
    },
  })
}

function refreshAttachment(
  client: QueryClient,
  scope: ScopeParams,
  instanceId: string,
  configurationId: string | undefined,
) {
  return Promise.all([
    client.invalidateQueries({ queryKey: instanceKeys.detail({ ...scope, id: instanceId }) }),
    client.invalidateQueries({ queryKey: instanceKeys.list(scope) }),
    configurationId
      ? client.invalidateQueries({
          queryKey: configurationKeys.detail({ ...scope, id: configurationId }),
        })
      : undefined,
    configurationId
      ? client.invalidateQueries({
          queryKey: configurationKeys.instances({ ...scope, id: configurationId }),
        })
      : undefined,
  ])
}

/** `PUT /instances/{id}` `{"instance": {"configuration": id}}` */
export function useAttachConfiguration(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef; configurationId: string }) =>
      apiRequest({
        ...instanceRequests.attachConfiguration(v.instance.id, v.configurationId),
        region: scope.region,
      }),
    onSuccess: (_d, v) => refreshAttachment(client, scope, v.instance.id, v.configurationId),
  })
}

/** `PUT /instances/{id}` `{"instance": {"configuration": null}}` */
export function useDetachConfiguration(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef; configurationId?: string | undefined }) =>
      apiRequest({
        ...instanceRequests.detachConfiguration(v.instance.id),
        region: scope.region,
      }),
    onSuccess: (_d, v) => refreshAttachment(client, scope, v.instance.id, v.configurationId),
  })
}
