import { useMutation, useQueryClient } from '@tanstack/react-query'
import { trackTask } from '@/api/tasks/task-store'
import type { MutationRequest } from '../cli-twin/mutation-request'
import { apiRequest } from '../client'
import { dbaasKeys, type ScopeParams } from './keys'
import { dbaasTwins } from './twin-requests'
import {
  operationSchema,
  type CreateIntegrationRequest,
  type MigrationCheckRequest,
  type Operation,
  type Service,
} from './schemas'

// Every mutation answers an async operation; the task tray follows it (GET /operation/{id})
// until success or failure. Forms show request errors themselves (the mutations are silent).

/** A DBaaS request (from `dbaasTwins`, which the dialogs show as their CLI twin). */
type Call = Omit<MutationRequest, 'service'>

const enc = encodeURIComponent

async function send(scope: ScopeParams, call: Call): Promise<Operation> {
  const { data } = await apiRequest({
    service: 'dbaas',
    region: scope.region,
    method: call.method,
    path: call.path,
    body: call.body ?? (call.method === 'DELETE' ? undefined : {}),
    schema: operationSchema,
  })
  return data
}

function track(scope: ScopeParams, op: Operation, label: string, service: string, action: string) {
  trackTask({
    action,
    label,
    resource: {
      kind: 'dbaas-operation',
      id: op.id,
      name: service,
      projectId: scope.projectId,
      region: scope.region,
    },
    ...(op.state === 'pending' ? {} : { state: op.state === 'success' ? 'succeeded' : 'failed' }),
  })
}

/** A mutation that sends one call, tracks its operation and refreshes the scope. */
function useOperation<V>(
  scope: ScopeParams,
  build: (v: V) => Call & { label: string; service: string; action: string },
  onAccepted?: (client: ReturnType<typeof useQueryClient>, v: V, op: Operation) => void,
) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: async (v: V) => {
      const call = build(v)
      const op = await send(scope, call)
      track(scope, op, call.label, call.service, call.action)
      return op
    },
    onSuccess: (op, v) => {
      onAccepted?.(client, v, op)
      return client.invalidateQueries({ queryKey: dbaasKeys.scope(scope) })
    },
  })
}

export function useCreateIntegration(scope: ScopeParams) {
  return useOperation(scope, (req: CreateIntegrationRequest) => ({
    ...dbaasTwins.createIntegration(req),
    label: `Create ${req['integration-type']} integration ${req['source-service']} → ${req['dest-service']}`,
    service: req['source-service'],
    action: 'create-integration',
  }))
}

export function useUpdateIntegration(scope: ScopeParams) {
  return useOperation(
    scope,
    (v: { id: string; service: string; settings: Record<string, unknown> }) => ({
      ...dbaasTwins.updateIntegration(v.id, v.settings),
      label: `Update integration settings of ${v.service}`,
      service: v.service,
      action: 'update-integration',
    }),
  )
}

export function useDeleteIntegration(scope: ScopeParams) {
  return useOperation(scope, (v: { id: string; service: string; label: string }) => ({
    ...dbaasTwins.deleteIntegration(v.id),
    label: `Delete ${v.label}`,
    service: v.service,
    action: 'delete-integration',
  }))
}

export function useAttachEndpoint(scope: ScopeParams) {
  return useOperation(
    scope,
    (v: { service: string; endpointId: string; type: string; endpointName: string }) => ({
      ...dbaasTwins.attachEndpoint(v.service, v.endpointId, v.type),
      label: `Attach ${v.service} to ${v.endpointName}`,
      service: v.service,
      action: 'attach-endpoint',
    }),
  )
}

export function useDetachEndpoint(scope: ScopeParams) {
  return useOperation(
    scope,
    (v: { service: string; integrationId: string; endpointName: string }) => ({
      ...dbaasTwins.detachEndpoint(v.service, v.integrationId),
      label: `Detach ${v.service} from ${v.endpointName}`,
      service: v.service,
      action: 'detach-endpoint',
    }),
  )
}

export function useMigrationCheck(scope: ScopeParams) {
  return useOperation(scope, (v: { service: string; request: MigrationCheckRequest }) => ({
    ...dbaasTwins.migrationCheck(v.service, v.request),
    label: `Check migration source for ${v.service}`,
    service: v.service,
    action: 'migration-check',
  }))
}

const TYPE_PATH: Record<string, string> = { pg: 'postgres', mysql: 'mysql', mariadb: 'mariadb' }

export function useSetTerminationProtection(scope: ScopeParams) {
  return useOperation(
    scope,
    (v: { service: Service; on: boolean }) => ({
      method: 'PUT',
      path: `/dbaas-${TYPE_PATH[v.service.type] ?? v.service.type}/${enc(v.service.name)}`,
      body: { 'termination-protection': v.on },
      label: `Turn termination protection ${v.on ? 'on' : 'off'} for ${v.service.name}`,
      service: v.service.name,
      action: 'update-service',
    }),
    (client, v) => {
      // The new flag shows at once; the refetch confirms it.
      client.setQueryData<Service[]>(dbaasKeys.services(scope), (list) =>
        list?.map((s) =>
          s.name === v.service.name ? { ...s, 'termination-protection': v.on } : s,
        ),
      )
    },
  )
}

export function useDeleteService(scope: ScopeParams) {
  return useOperation(
    scope,
    (v: { name: string }) => ({
      ...dbaasTwins.deleteService(v.name),
      label: `Delete service ${v.name}`,
      service: v.name,
      action: 'delete-service',
    }),
    (client, v) => {
      client.setQueryData<Service[]>(dbaasKeys.services(scope), (list) =>
        list?.map((s) => (s.name === v.name ? { ...s, state: 'rebuilding' } : s)),
      )
    },
  )
}
