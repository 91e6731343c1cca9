import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { InstanceScope } from '../databases/keys'
import { recordDone, type InstanceRef } from '../databases/mutations'
import { userKeys } from './keys'
import { accessRequests, userPath } from './user-requests'
import {
  userId,
  type CreateUsersRequest,
  type DbUser,
  type UpdateUserRequest,
  type UpdateUsersRequest,
} from './schemas'

const base = (p: InstanceScope) => `/instances/${encodeURIComponent(p.instanceId)}/users`

const sameUser = (a: DbUser, b: { name: string; host?: string | undefined }) =>
  a.name === b.name && (a.host ?? '%') === (b.host ?? '%')

async function patchUsers(
  client: QueryClient,
  scope: InstanceScope,
  fn: (list: DbUser[]) => DbUser[],
): Promise<void> {
  const key = userKeys.list(scope)
  await client.cancelQueries({ queryKey: key })
  client.setQueryData<DbUser[]>(key, (list) => (list ? fn(list) : list))
  // The list and every user's access query: a change to one can change the other.
  void client.invalidateQueries({ queryKey: userKeys.instance(scope) })
}

const byId = (a: DbUser, b: DbUser) => userId(a.name, a.host).localeCompare(userId(b.name, b.host))

export function useCreateUser(scope: InstanceScope, instance: InstanceRef) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: CreateUsersRequest) =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'POST',
        path: base(scope),
        body,
      }),
    onSuccess: async (_d, body) => {
      await patchUsers(client, scope, (list) =>
        [
          ...list,
          ...body.users.map((u) => ({
            name: u.name,
            host: u.host ?? '%',
            databases: (u.databases ?? []).map((d) => ({ name: d.name })),
          })),
        ].sort(byId),
      )
      const names = body.users.map((u) => u.name).join(', ')
      recordDone(scope, instance, 'create-user', `Create user ${names} on ${instance.name}`)
    },
  })
}

export function useUpdateUser(scope: InstanceScope, instance: InstanceRef) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { user: DbUser; body: UpdateUserRequest }) =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'PUT',
        path: userPath(scope, v.user),
        body: v.body,
      }),
    onSuccess: async (_d, { user, body }) => {
      await patchUsers(client, scope, (list) =>
        list
          .map((u) =>
            sameUser(u, user)
              ? { ...u, name: body.user.name ?? u.name, host: body.user.host ?? u.host }
              : u,
          )
          .sort(byId),
      )
      recordDone(scope, instance, 'update-user', `Update user ${user.name} on ${instance.name}`)
    },
  })
}

export function useChangePasswords(scope: InstanceScope, instance: InstanceRef) {
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: UpdateUsersRequest) =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'PUT',
        path: base(scope),
        body,
      }),
    onSuccess: (_d, body) => {
      const names = body.users.map((u) => u.name).join(', ')
      recordDone(
        scope,
        instance,
        'change-passwords',
        `New passwords for ${names} on ${instance.name}`,
      )
    },
  })
}

export function useDeleteUser(scope: InstanceScope, instance: InstanceRef) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (user: DbUser) =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'DELETE',
        path: userPath(scope, user),
      }),
    onSuccess: async (_d, user) => {
      await patchUsers(client, scope, (list) => list.filter((u) => !sameUser(u, user)))
      recordDone(scope, instance, 'delete-user', `Delete user ${user.name} on ${instance.name}`)
    },
  })
}

export function useGrantAccess(scope: InstanceScope, instance: InstanceRef) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { user: DbUser; databases: string[] }) =>
      apiRequest({ ...accessRequests.grant(scope, v.user, v.databases), region: scope.region }),
    onSuccess: async (_d, { user, databases }) => {
      await patchUsers(client, scope, (list) =>
        list.map((u) => {
          if (!sameUser(u, user)) return u
          const have = new Set((u.databases ?? []).map((d) => d.name))
          for (const d of databases) have.add(d)
          return { ...u, databases: [...have].sort().map((name) => ({ name })) }
        }),
      )
      recordDone(
        scope,
        instance,
        'grant-access',
        `Grant ${user.name} access to ${databases.join(', ')} on ${instance.name}`,
      )
    },
  })
}

export function useRevokeAccess(scope: InstanceScope, instance: InstanceRef) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { user: DbUser; database: string }) =>
      apiRequest({ ...accessRequests.revoke(scope, v.user, v.database), region: scope.region }),
    onSuccess: async (_d, { user, database }) => {
      await patchUsers(client, scope, (list) =>
        list.map((u) =>
          sameUser(u, user)
            ? { ...u, databases: (u.databases ?? []).filter((d) => d.name !== database) }
            : u,
        ),
      )
      recordDone(
        scope,
        instance,
        'revoke-access',
        `Revoke ${user.name}'s access to ${database} on ${instance.name}`,
      )
    },
  })
}
