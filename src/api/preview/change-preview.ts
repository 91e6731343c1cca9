import type { Backup } from '../backups/schemas'
import type { Flavor } from '../flavors/schemas'
import type { Instance } from '../instances/schemas'
import type { QuotaUsage } from '../limits/quota'
import type { AbsoluteLimits } from '../limits/schemas'
import { accessChangeConsequences, type AccessChange } from './access-change'
import { backupsOnDelete } from './backups-on-delete'
import type { Consequence, PreviewAction } from './consequence'
import { outageConsequence, type UsualLength } from './outage'
import { olderReplicaWarning, recentBackupWarning, restartRequiredWarning } from './preflight'
import { quotaConsequence, quotaDeltasFor } from './quota-delta'
import { renameConsequences, replicaCreateConsequences } from './replica-create'
import { topologyConsequence } from './topology'

/** Everything the preview reads; undefined = not loaded (yet), and the preview says so or skips it. */
export interface PreviewInput {
  action: PreviewAction
  instance: Instance
  instances: readonly Instance[] | undefined
  backups: readonly Backup[] | undefined
  flavors: readonly Flavor[] | undefined
  usage: QuotaUsage | undefined
  limits: AbsoluteLimits | undefined
  usual: UsualLength
  now: number
  /** resize-flavor: the chosen flavor. */
  newFlavorRef?: string
  /** resize-volume: the chosen size (GB). */
  newVolumeSize?: number
  /** create-replica: how many. */
  count?: number
  /** delete-backup: how many backups go (it and its incrementals). */
  backupsGoing?: number
  /** rename: the typed name. */
  newName?: string
  /** update-access: the access the form sends. */
  newAccess?: AccessChange
  /** create-replica: the name the replicas get (Trove adds -1 … -n for several). */
  replicaName?: string
}

const ORDER: Record<Consequence['tone'], number> = { danger: 0, warning: 1, info: 2 }

/**
 * The consequences of an instance action, pure: outage and its usual length, replication
 * before → after, quota delta, backups on delete, and the pre-flight warnings. Most severe first
 * (stable within a tone).
 */
export function instanceChangePreview(v: PreviewInput): Consequence[] {
  const list = v.instances ?? []
  if (v.action === 'rename') return renameConsequences(v.instance, v.instances, v.newName ?? '')
  if (v.action === 'update-access' && v.newAccess)
    return bySeverity(accessChangeConsequences(v.instance, v.newAccess))
  const out: (Consequence | undefined)[] = [
    outageConsequence(v.action, v.instance.datastore.type, v.usual),
    topologyConsequence(v.action, v.instance, list),
    quotaConsequence(
      quotaDeltasFor(v.action, {
        instance: v.instance,
        flavors: v.flavors,
        newFlavorRef: v.newFlavorRef,
        newVolumeSize: v.newVolumeSize,
        count: v.count,
        backupsGoing: v.backupsGoing,
      }),
      v.usage,
      v.limits,
    ),
    v.action === 'delete' ? backupsOnDelete(v.instance, v.backups) : undefined,
    ...(v.action === 'create-replica'
      ? replicaCreateConsequences(v.instance, list, v.replicaName ?? v.instance.name, v.count ?? 1)
      : []),
    restartRequiredWarning(v.action, v.instance),
    recentBackupWarning(v.action, v.instance, v.backups, v.now),
    olderReplicaWarning(v.action, v.instance, list),
  ]
  return bySeverity(out.filter((c): c is Consequence => c !== undefined))
}

/** Most severe first, stable within a tone. */
export function bySeverity(list: Consequence[]): Consequence[] {
  return list
    .map((c, n) => ({ c, n }))
    .sort((a, b) => ORDER[a.c.tone] - ORDER[b.c.tone] || a.n - b.n)
    .map(({ c }) => c)
}

/**
 * Whether deleting the instance needs its name typed (issue 17 §3): it is reachable from outside
 * (public access or a public address) or it is in a replication set.
 */
export function deleteNeedsTypedName(
  instance: Instance,
  instances: readonly Instance[] = [],
): boolean {
  const isPublic =
    instance.access?.is_public === true ||
    (instance.addresses ?? []).some((a) => a.type?.toLowerCase() === 'public')
  const replicated =
    instance.replica_of !== undefined ||
    (instance.replicas ?? []).length > 0 ||
    instances.some((i) => i.replica_of?.id === instance.id)
  return isPublic || replicated
}
