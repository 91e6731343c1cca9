import { useMutation, useQueryClient } from '@tanstack/react-query'
import { trackTask } from '@/api/tasks/task-store'
import { apiRequest } from '../client'
import { userKeys } from '../users/keys'
import type { DbUser } from '../users/schemas'
import { databaseKeys, type InstanceScope } from './keys'
import type { CreateDatabasesRequest, Database } from './schemas'

/** The instance an operation is about, to name it in the task tray. */
export interface InstanceRef {
  id: string
  name: string
}

/**
 * Records a finished operation in the task tray. Database and user operations are answered 202
 * and done by the guest at once (Trove does not report their progress), so they are recorded
 * as settled.
 */
export function recordDone(
  scope: InstanceScope,
  instance: InstanceRef,
  action: string,
  label: string,
) {
  const now = Date.now()
  trackTask({
    action,
    label,
    resource: {
      kind: 'instance',
      id: instance.id,
      name: instance.name,
      projectId: scope.projectId,
      region: scope.region,
    },
    startedAt: now,
    state: 'succeeded',
    settledAt: now,
    detail: 'Done',
  })
}

const path = (p: InstanceScope) => `/instances/${encodeURIComponent(p.instanceId)}/databases`

export function useCreateDatabase(scope: InstanceScope, instance: InstanceRef) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateDatabasesRequest) =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'POST',
        path: path(scope),
        body,
      }),
    onSuccess: async (_d, body) => {
      const key = databaseKeys.list(scope)
      await client.cancelQueries({ queryKey: key })
      client.setQueryData<Database[]>(key, (list) => {
        if (!list) return list
        const added = body.databases.filter((d) => !list.some((x) => x.name === d.name))
        return [...list, ...added.map((d) => ({ name: d.name }))].sort((a, b) =>
          a.name.localeCompare(b.name),
        )
      })
      const names = body.databases.map((d) => d.name).join(', ')
      recordDone(scope, instance, 'create-database', `Create database ${names} on ${instance.name}`)
      void client.invalidateQueries({ queryKey: key })
    },
  })
}

export function useDeleteDatabase(scope: InstanceScope, instance: InstanceRef) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (name: string) =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'DELETE',
        path: `${path(scope)}/${encodeURIComponent(name)}`,
      }),
    onSuccess: async (_d, name) => {
      const key = databaseKeys.list(scope)
      await client.cancelQueries({ queryKey: key })
      client.setQueryData<Database[]>(key, (list) => list?.filter((d) => d.name !== name))
      // Dropping a database ends every user's access to it.
      client.setQueryData<DbUser[]>(userKeys.list(scope), (users) =>
        users?.map((u) => ({ ...u, databases: u.databases?.filter((d) => d.name !== name) })),
      )
      recordDone(scope, instance, 'delete-database', `Delete database ${name} on ${instance.name}`)
      void client.invalidateQueries({ queryKey: key })
      void client.invalidateQueries({ queryKey: userKeys.list(scope) })
    },
  })
}
