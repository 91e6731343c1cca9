import { useMutation, useQueryClient } from '@tanstack/react-query'
import { trackTask } from '@/api/tasks/task-store'
import { apiRequest } from '../client'
import { instanceKeys, type ScopeParams } from '../instances/keys'
import { writeInstance, type InstanceRef } from '../instances/mutations'
import { noteInstances } from '../instances/queries'
import { instanceRequests } from '../instances/requests'
import { instanceShowSchema, type Instance } from '../instances/schemas'

/**
 * Replication and upgrade (Trove: replica create, promote_to_replica_source,
 * eject_replica_source, detach with `replica_of: null`, `datastore_version` upgrade). Each writes
 * the transitional status into the cache at once and follows the change in the task tray.
 * Every hook is `silent`: the dialog shows the error.
 */

export type ReplicationAction = 'create-replica' | 'promote' | 'eject' | 'detach' | 'upgrade'

function track(scope: ScopeParams, action: ReplicationAction, label: string, i: InstanceRef) {
  const startedAt = Date.now()
  trackTask({
    id: `${action}:${i.id}:${startedAt}`,
    action,
    label,
    resource: {
      kind: 'instance',
      id: i.id,
      name: i.name,
      projectId: scope.projectId,
      region: scope.region,
    },
    startedAt,
    state: 'running',
  })
}

const invalidateScope = (client: ReturnType<typeof useQueryClient>, scope: ScopeParams) =>
  client.invalidateQueries({ queryKey: instanceKeys.scope(scope) })

const MOVING = { operating_status: '' } as const

/** `POST /instances` with `replica_of` and `replica_count` (1..3); Trove names them -1..-n. */
export function useCreateReplicas(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: async (v: { source: InstanceRef; name: string; count: number }) => {
      const req = instanceRequests.createReplicas(v.source.id, v.name, v.count)
      const { data } = await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'POST',
        path: req.path,
        body: req.body,
        schema: instanceShowSchema,
      })
      return data.instance
    },
    onSuccess: async (instance, v) => {
      await client.cancelQueries({ queryKey: instanceKeys.list(scope) })
      client.setQueryData<Instance[]>(instanceKeys.list(scope), (list) =>
        list ? [...list.filter((i) => i.id !== instance.id), instance] : list,
      )
      noteInstances(client, scope, [instance])
      track(
        scope,
        'create-replica',
        v.count > 1
          ? `Create ${v.count} replicas of ${v.source.name}`
          : `Create replica ${instance.name}`,
        instance,
      )
      void invalidateScope(client, scope)
    },
  })
}

/** Promote a replica; every member of the set reads PROMOTE until it settles. */
export function usePromoteReplica(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { replica: InstanceRef; members: string[] }) =>
      apiRequest({ ...instanceRequests.promote(v.replica.id), region: scope.region }),
    onSuccess: async (_d, { replica, members }) => {
      for (const id of members)
        await writeInstance(client, scope, id, { status: 'PROMOTE', ...MOVING })
      track(scope, 'promote', `Promote ${replica.name} to replica source`, replica)
      void invalidateScope(client, scope)
    },
  })
}

/** Eject a failed replica source; the most current replica is elected. */
export function useEjectReplicaSource(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { source: InstanceRef; members: string[] }) =>
      apiRequest({ ...instanceRequests.eject(v.source.id), region: scope.region }),
    onSuccess: async (_d, { source, members }) => {
      for (const id of members)
        await writeInstance(client, scope, id, { status: 'EJECT', ...MOVING })
      track(scope, 'eject', `Eject replica source ${source.name}`, source)
      void invalidateScope(client, scope)
    },
  })
}

/** Detach a replica: DETACH, then a standalone instance. */
export function useDetachReplica(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { replica: InstanceRef }) =>
      apiRequest({ ...instanceRequests.detach(v.replica.id), region: scope.region }),
    onSuccess: async (_d, { replica }) => {
      await writeInstance(client, scope, replica.id, { status: 'DETACH', ...MOVING })
      track(scope, 'detach', `Detach replica ${replica.name}`, replica)
      void invalidateScope(client, scope)
    },
  })
}

/** Upgrade to another version of the same datastore: UPGRADE, then ACTIVE on the new one. */
export function useUpgradeDatastoreVersion(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instance: InstanceRef; versionId: string; versionName: string }) =>
      apiRequest({
        ...instanceRequests.upgrade(v.instance.id, v.versionId),
        region: scope.region,
      }),
    onSuccess: async (_d, { instance, versionName }) => {
      await writeInstance(client, scope, instance.id, { status: 'UPGRADE', ...MOVING })
      track(scope, 'upgrade', `Upgrade ${instance.name} to ${versionName}`, instance)
      void invalidateScope(client, scope)
    },
  })
}
