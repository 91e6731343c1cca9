import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { InstanceScope } from '../databases/keys'
import { recordDone, type InstanceRef } from '../databases/mutations'
import { rootKeys } from './keys'
import { rootEnabledSchema, type EnableRootRequest, type RootStatus } from './schemas'

const path = (p: InstanceScope) => `/instances/${encodeURIComponent(p.instanceId)}/root`

/**
 * Enables root. The answer holds the password: it lives only in this mutation's result (gcTime 0,
 * never in a query), so closing the dialog that shows it and resetting the mutation forgets it.
 */
export function useEnableRoot(scope: InstanceScope, instance: InstanceRef) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    gcTime: 0,
    mutationFn: async (body: EnableRootRequest | undefined) => {
      const { data } = await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'POST',
        path: path(scope),
        ...(body ? { body } : {}),
        schema: rootEnabledSchema,
      })
      return data.user
    },
    onSuccess: () => {
      client.setQueryData<RootStatus>(rootKeys.status(scope), { rootEnabled: true })
      recordDone(scope, instance, 'enable-root', `Enable root on ${instance.name}`)
      void client.invalidateQueries({ queryKey: rootKeys.status(scope) })
    },
  })
}

export function useDisableRoot(scope: InstanceScope, instance: InstanceRef) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: () =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'DELETE',
        path: path(scope),
      }),
    onSuccess: () => {
      client.setQueryData<RootStatus>(rootKeys.status(scope), { rootEnabled: false })
      recordDone(scope, instance, 'disable-root', `Disable root on ${instance.name}`)
      void client.invalidateQueries({ queryKey: rootKeys.status(scope) })
    },
  })
}
