import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { trackTask, type TaskFollowUp } from '@/api/tasks/task-store'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { writeInstance } from '../instances/mutations'
import { descendantsOf } from '../rules/backup-chain'
import { markBackupsDeleting } from './pending-deletes'
import { backupKeys } from './keys'
import { backupRequests } from './requests'
import { noteBackups } from './queries'
import {
  backupShowSchema,
  backupStrategyShowSchema,
  type Backup,
  type CopyBackupRequest,
  type CreateBackupRequest,
  type CreateBackupStrategyRequest,
} from './schemas'

// Every hook here is `silent`: the dialog that calls it shows the ApiError itself.

export type BackupTaskAction = 'create-backup' | 'copy-backup' | 'delete-backup' | 'final-backup'

function track(
  scope: ScopeParams,
  action: BackupTaskAction,
  label: string,
  backup: { id: string; name: string },
  then?: TaskFollowUp,
) {
  const startedAt = Date.now()
  trackTask({
    id: `${action}:${backup.id}:${startedAt}`,
    action,
    label,
    resource: {
      kind: 'backup',
      id: backup.id,
      name: backup.name,
      projectId: scope.projectId,
      region: scope.region,
    },
    startedAt,
    state: 'running',
    ...(then ? { then } : {}),
  })
}

/** The project's list and the HA groups' lists (an HA backup is in both). */
function invalidateList(client: QueryClient, scope: ScopeParams) {
  void client.invalidateQueries({ queryKey: backupKeys.haLists(scope) })
  return client.invalidateQueries({ queryKey: backupKeys.list(scope) })
}

/* ------------------------------------------------------------------ create */

export function useCreateBackup(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: async (body: CreateBackupRequest) => {
      const { data } = await apiRequest({
        ...backupRequests.create(body),
        region: scope.region,
        schema: backupShowSchema,
      })
      return data.backup
    },
    onSuccess: (backup) => writeCreatedBackup(client, scope, backup),
  })
}

/**
 * Writes a backup the cloud just accepted into the caches and follows it in the task tray;
 * with `then`, the tray does the follow-up once the backup is COMPLETED (final backup, then delete).
 */
export async function writeCreatedBackup(
  client: QueryClient,
  scope: ScopeParams,
  backup: Backup,
  then?: TaskFollowUp,
): Promise<void> {
  await client.cancelQueries({ queryKey: backupKeys.scope(scope) })
  client.setQueryData<Backup[]>(backupKeys.list(scope), (list) =>
    list ? [backup, ...list.filter((b) => b.id !== backup.id)] : list,
  )
  client.setQueryData(backupKeys.detail({ ...scope, id: backup.id }), backup)
  noteBackups(client, scope, [backup])
  // The instance reads BACKUP while the backup runs: show it, and start its polling.
  if (backup.instance_id) {
    await writeInstance(client, scope, backup.instance_id, { status: 'BACKUP' })
  }
  const kind = backup.parent_id ? 'Incremental backup' : 'Backup'
  if (then) {
    track(
      scope,
      'final-backup',
      `Final backup ${backup.name}, then delete ${then.instance.name}`,
      backup,
      then,
    )
  } else {
    track(scope, 'create-backup', `${kind} ${backup.name}`, backup)
  }
  void invalidateList(client, scope)
}

/* ------------------------------------------------------------------ delete */

export function useDeleteBackup(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { backup: Pick<Backup, 'id' | 'name'> }) =>
      apiRequest({ ...backupRequests.delete(v.backup.id), region: scope.region }),
    onSuccess: async (_d, { backup }) => {
      // Accepted (202): Trove removes the backup and its incremental children a moment later
      // and lists them until then; they show as deleting until a list read no longer has them.
      const list = client.getQueryData<Backup[]>(backupKeys.list(scope)) ?? []
      markBackupsDeleting(scope, [backup.id, ...descendantsOf(list, backup.id).map((b) => b.id)])
      track(scope, 'delete-backup', `Delete backup ${backup.name}`, backup)
      void invalidateList(client, scope)
    },
  })
}

/* -------------------------------------------------------------------- copy */

/** The copy's id from the Location header, when the cloud sends one. */
export function copyIdFromLocation(location: string | null): string | null {
  if (!location) return null
  const last = location.split('?')[0]?.split('/').filter(Boolean).pop()
  return last && /^[0-9a-fA-F-]{36}$/.test(last) ? last : null
}

export function useCopyBackup(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: async (v: { backup: Pick<Backup, 'id' | 'name'>; body: CopyBackupRequest }) => {
      const res = await apiRequest({
        ...backupRequests.copy(v.backup.id, v.body),
        region: scope.region,
      })
      return { copyId: copyIdFromLocation(res.headers.get('location')) }
    },
    onSuccess: ({ copyId }, { backup, body }) => {
      const target = { ...scope, region: body['copy-backup'].target_backup_region }
      const name = body['copy-backup'].name ?? backup.name
      if (copyId) {
        track(target, 'copy-backup', `Copy ${backup.name} to ${target.region}`, {
          id: copyId,
          name,
        })
      }
      void invalidateList(client, target)
    },
  })
}

/* ------------------------------------------------------- backup strategies */

export function useCreateBackupStrategy(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: async (body: CreateBackupStrategyRequest) => {
      const { data } = await apiRequest({
        service: 'database',
        region: scope.region,
        method: 'POST',
        path: '/backup_strategies',
        body,
        schema: backupStrategyShowSchema,
      })
      return data.backup_strategy
    },
    onSuccess: () => client.invalidateQueries({ queryKey: backupKeys.strategies(scope) }),
  })
}

export function useDeleteBackupStrategy(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: (v: { instanceId: string }) =>
      apiRequest({
        service: 'database',
        region: scope.region,
        method: 'DELETE',
        path: v.instanceId
          ? `/backup_strategies?instance_id=${encodeURIComponent(v.instanceId)}`
          : '/backup_strategies',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: backupKeys.strategies(scope) }),
  })
}
