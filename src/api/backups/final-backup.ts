import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import type { InstanceRef } from '../instances/mutations'
import { writeCreatedBackup } from './mutations'
import { backupRequests } from './requests'
import { BACKUP_NAME_MAX, backupShowSchema, createBackupRequestSchema } from './schemas'

/** "db1-final-20261205-1212": the instance's name cut so the whole fits Trove's limit. */
export function finalBackupName(instanceName: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  const suffix = `-final-${stamp}`
  return `${instanceName.slice(0, BACKUP_NAME_MAX - suffix.length)}${suffix}`
}

/** The body of the final backup (validated with the same schema as the backup form). */
export function finalBackupRequest(instance: InstanceRef, now: Date) {
  return createBackupRequestSchema.parse({
    backup: { name: finalBackupName(instance.name, now), instance: instance.id },
  })
}

/**
 * Safe delete (issue 17 §3): takes a backup of the instance and hands the rest to the task tray,
 * which deletes the instance once the backup is COMPLETED, or keeps it and says why if the
 * backup fails. The dialog may close (or the user navigate away) as soon as the backup is accepted.
 */
export function useDeleteWithFinalBackup(scope: ScopeParams) {
  const client = useQueryClient()
  return useMutation({
    meta: { silent: true },
    mutationFn: async (v: { instance: InstanceRef }) => {
      const { data } = await apiRequest({
        ...backupRequests.create(finalBackupRequest(v.instance, new Date())),
        region: scope.region,
        schema: backupShowSchema,
      })
      return data.backup
    },
    onSuccess: (backup, { instance }) =>
      writeCreatedBackup(client, scope, backup, {
        action: 'delete-instance',
        instance: { id: instance.id, name: instance.name },
      }),
  })
}
