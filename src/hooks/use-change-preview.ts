import { useQuery } from '@tanstack/react-query'
import { backupsQueryOptions } from '@/api/backups/queries'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import type { ScopeParams } from '@/api/instances/keys'
import { instancesQueryOptions } from '@/api/instances/queries'
import type { Instance } from '@/api/instances/schemas'
import { usualDurationQueryOptions } from '@/api/journal/queries'
import { bulkDeletePreview, namesToType } from '@/api/preview/bulk-delete'
import { instanceChangePreview, type PreviewInput } from '@/api/preview/change-preview'
import type { Consequence, PreviewAction } from '@/api/preview/consequence'
import { ACTION_STATUS } from '@/api/preview/outage'
import { useNow } from './use-now'
import { useQuotaUsage } from './use-quota-usage'

export type PreviewExtras = Pick<
  PreviewInput,
  | 'newFlavorRef'
  | 'newVolumeSize'
  | 'count'
  | 'backupsGoing'
  | 'newName'
  | 'newAccess'
  | 'replicaName'
>

/** What every preview reads (the project's lists and its quota), only while `enabled`. */
function usePreviewData(scope: ScopeParams, enabled: boolean) {
  const instances = useQuery({ ...instancesQueryOptions(scope), enabled })
  const backups = useQuery({ ...backupsQueryOptions(scope), enabled })
  const flavors = useQuery({ ...flavorsQueryOptions(scope), enabled })
  const { usage, limits } = useQuotaUsage(scope, enabled)
  return {
    instances: instances.data,
    backups: backups.data,
    flavors: flavors.data,
    usage,
    limits,
  }
}

/**
 * The change preview of an instance action, from data the console already reads (instance,
 * backup and flavor lists, limits; the journal's usual duration for the action's status). Reads
 * only while `enabled` (the dialog is open); what is not loaded yet is said or left out.
 */
export function useInstanceChangePreview(
  scope: ScopeParams,
  action: PreviewAction,
  instance: Instance,
  enabled: boolean,
  extras: PreviewExtras = {},
): Consequence[] {
  const { instances, backups, flavors, usage, limits } = usePreviewData(scope, enabled)
  const timed = ACTION_STATUS[action]
  const usual = useQuery({
    ...usualDurationQueryOptions(
      scope,
      timed?.kind ?? 'instance',
      timed?.status ?? 'NONE',
      instance.datastore.type,
    ),
    enabled: enabled && timed !== undefined,
  })
  const now = useNow(60_000, enabled)
  return instanceChangePreview({
    action,
    instance,
    instances,
    backups,
    flavors,
    usage,
    limits,
    usual: usual.isError ? 'unavailable' : usual.data,
    now,
    ...extras,
  })
}

/**
 * The one preview of a bulk delete (every selected instance summed) and the names that must be
 * typed: those of the public or replicated instances, as the single delete asks.
 */
export function useBulkDeletePreview(
  scope: ScopeParams,
  selected: readonly Instance[],
  enabled: boolean,
): { consequences: Consequence[]; namesToType: string[]; instances: readonly Instance[] } {
  const data = usePreviewData(scope, enabled)
  const instances = data.instances ?? selected
  return {
    consequences: bulkDeletePreview({ selected, ...data }),
    namesToType: namesToType(selected, instances),
    /** The project's instances (the selection until they are read): replication sets. */
    instances,
  }
}
