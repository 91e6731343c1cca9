import { findFlavor } from '../flavors/queries'
import type { Flavor } from '../flavors/schemas'
import type { Instance } from '../instances/schemas'
import { limitOf, QUOTA_LABELS, QUOTA_RESOURCES, type QuotaUsage } from '../limits/quota'
import type { AbsoluteLimits } from '../limits/schemas'
import type { Consequence, PreviewAction, QuotaDeltaLine } from './consequence'

/** What the action reserves or frees, as Trove's run_with_quotas counts it. */
export function quotaDeltasFor(
  action: PreviewAction,
  v: {
    instance?: Instance
    flavors?: readonly Flavor[]
    newFlavorRef?: string
    newVolumeSize?: number
    /** delete-backup: backups that go (the backup and its incrementals). */
    backupsGoing?: number
    /** create-replica: how many. */
    count?: number
  },
): Partial<QuotaUsage> | undefined {
  const current = v.instance ? findFlavor(v.flavors, v.instance.flavor.id) : undefined
  const size = v.instance?.volume?.size
  switch (action) {
    case 'resize-flavor': {
      if (!v.newFlavorRef || !current) return undefined
      const next = findFlavor(v.flavors, v.newFlavorRef)
      return next ? { ram: next.ram - current.ram } : undefined
    }
    case 'resize-volume':
      if (v.newVolumeSize === undefined || size === undefined || !Number.isFinite(v.newVolumeSize))
        return undefined
      return { volumes: v.newVolumeSize - size }
    case 'delete':
      return {
        instances: -1,
        ...(current ? { ram: -current.ram } : {}),
        ...(size !== undefined ? { volumes: -size } : {}),
      }
    case 'create-replica': {
      const n = v.count ?? 1
      return {
        instances: n,
        ...(current ? { ram: current.ram * n } : {}),
        ...(size !== undefined ? { volumes: size * n } : {}),
      }
    }
    case 'create-backup':
      return { backups: 1 }
    case 'delete-backup':
      return { backups: -(v.backupsGoing ?? 1) }
    default:
      return undefined
  }
}

/** The quota lines the action changes: in use before → after, against the limit. */
export function quotaConsequence(
  deltas: Partial<QuotaUsage> | undefined,
  usage: QuotaUsage | undefined,
  limits: AbsoluteLimits | undefined,
): Consequence | undefined {
  if (!deltas) return undefined
  const lines: QuotaDeltaLine[] = []
  for (const resource of QUOTA_RESOURCES) {
    const delta = deltas[resource]
    if (delta === undefined || delta === 0) continue
    const before = usage?.[resource]
    const after = before === undefined ? undefined : before + delta
    const limit = limits ? limitOf(limits, resource) : undefined
    const exceeds =
      delta > 0 && after !== undefined && limit !== undefined && limit >= 0 && after > limit
    lines.push({ resource, ...QUOTA_LABELS[resource], delta, before, after, limit, exceeds })
  }
  if (lines.length === 0) return undefined
  const over = lines.filter((l) => l.exceeds)
  const frees = lines.every((l) => l.delta < 0)
  return {
    id: 'quota',
    kind: 'quota',
    tone: over.length > 0 ? 'danger' : 'info',
    text:
      over.length > 0
        ? `Over quota: ${over.map((l) => l.label).join(', ')} (the cloud answers 413).`
        : frees
          ? 'Frees quota.'
          : 'Uses quota.',
    lines,
  }
}

/** "+2 GB", "−512 MB", "+1". */
export function formatDelta(l: Pick<QuotaDeltaLine, 'delta' | 'unit'>): string {
  const sign = l.delta > 0 ? '+' : '−'
  return `${sign}${Math.abs(l.delta)}${l.unit ? ` ${l.unit}` : ''}`
}
