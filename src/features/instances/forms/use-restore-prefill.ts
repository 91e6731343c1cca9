import { useEffect } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { UseFormSetValue } from 'react-hook-form'
import { backupQueryOptions } from '@/api/backups/queries'
import type { Backup } from '@/api/backups/schemas'
import type { ScopeParams } from '@/api/instances/keys'
import type { LaunchInstanceInput } from './launch-instance.schema'

export interface RestorePrefill {
  /** The form was opened to restore a backup (`/instances/new?restoreFrom=<id>`). */
  active: boolean
  backup: Backup | undefined
  pending: boolean
  error: unknown
  /** Datastore, version and backup are fixed by the backup: the form shows them read-only. */
  locked: boolean
}

/**
 * Restore prefill (backups area): loads the backup named by `restoreFrom` and sets the launch
 * form's datastore, version and backup ID from it. A backup restores onto the datastore version
 * it was taken from, so those fields are then locked.
 */
export function useRestorePrefill(
  scope: ScopeParams,
  restoreFrom: string | undefined,
  setValue: UseFormSetValue<LaunchInstanceInput>,
): RestorePrefill {
  const active = Boolean(restoreFrom)
  const query = useQuery({
    ...backupQueryOptions({ ...scope, id: restoreFrom ?? '' }),
    enabled: active,
  })
  const backup = query.data
  const datastore = backup?.datastore
  useEffect(() => {
    if (!backup) return
    setValue('backupId', backup.id)
    if (datastore) {
      setValue('datastoreType', datastore.type)
      setValue('datastoreVersion', datastore.version)
    }
  }, [backup, datastore, setValue])
  return {
    active,
    backup,
    pending: active && query.isPending,
    error: query.error,
    locked: Boolean(backup && datastore),
  }
}
