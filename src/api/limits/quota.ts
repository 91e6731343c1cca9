import type { Backup } from '../backups/schemas'
import { findFlavor } from '../flavors/queries'
import type { Flavor } from '../flavors/schemas'
import type { Instance } from '../instances/schemas'
import type { AbsoluteLimits } from './schemas'

/**
 * Quota arithmetic, pure: usage counted from the lists the console already has, checked
 * against the ABSOLUTE limits (-1 or absent = unlimited), as Trove counts them: live instances,
 * their flavors' RAM (MB), their volume GB, and backups (every backup not deleted).
 */
export const QUOTA_RESOURCES = ['instances', 'ram', 'volumes', 'backups'] as const
export type QuotaResource = (typeof QUOTA_RESOURCES)[number]

export type QuotaUsage = Record<QuotaResource, number>

export const QUOTA_LABELS: Record<QuotaResource, { label: string; unit: string }> = {
  instances: { label: 'Instances', unit: '' },
  ram: { label: 'RAM', unit: 'MB' },
  volumes: { label: 'Volume storage', unit: 'GB' },
  backups: { label: 'Backups', unit: '' },
}

export function limitOf(limits: AbsoluteLimits | undefined, r: QuotaResource): number {
  const v = limits?.[`max_${r}`]
  return typeof v === 'number' ? v : -1
}

/** Usage from the instance list (+ flavors for RAM) and the backup list of one region. */
export function quotaUsage(
  instances: readonly Instance[],
  backups: readonly Backup[],
  flavors: readonly Flavor[] | undefined,
): QuotaUsage {
  let ram = 0
  let volumes = 0
  for (const i of instances) {
    ram += findFlavor(flavors, i.flavor.id)?.ram ?? 0
    volumes += i.volume?.size ?? 0
  }
  return { instances: instances.length, ram, volumes, backups: backups.length }
}

export interface QuotaLine {
  resource: QuotaResource
  used: number
  limit: number
  /** 0..1 when limited, undefined when unlimited. */
  fraction: number | undefined
}

export function quotaLines(usage: QuotaUsage, limits: AbsoluteLimits | undefined): QuotaLine[] {
  return QUOTA_RESOURCES.map((resource) => {
    const limit = limitOf(limits, resource)
    const used = usage[resource]
    return {
      resource,
      used,
      limit,
      fraction: limit < 0 ? undefined : limit === 0 ? 1 : Math.min(1, used / limit),
    }
  })
}

export interface QuotaExcess {
  resource: QuotaResource
  used: number
  requested: number
  limit: number
}

/**
 * What a change would push over its limit (Trove answers 413 "Quota exceeded for resources"
 * then). Empty when it fits or when usage or limits are not known.
 */
export function quotaExcesses(
  usage: QuotaUsage | undefined,
  limits: AbsoluteLimits | undefined,
  deltas: Partial<QuotaUsage>,
): QuotaExcess[] {
  if (!usage || !limits) return []
  const out: QuotaExcess[] = []
  for (const resource of QUOTA_RESOURCES) {
    const requested = deltas[resource]
    if (!requested || requested <= 0) continue
    const limit = limitOf(limits, resource)
    if (limit >= 0 && usage[resource] + requested > limit) {
      out.push({ resource, used: usage[resource], requested, limit })
    }
  }
  return out
}

/** One sentence per excess, for a warning. */
export function describeExcess(e: QuotaExcess): string {
  const { label, unit } = QUOTA_LABELS[e.resource]
  const u = unit ? ` ${unit}` : ''
  return `${label}: ${e.used}${u} used + ${e.requested}${u} requested exceeds the limit of ${e.limit}${u}.`
}

/**
 * What a launch reserves (Trove: instances 1, ram = flavor RAM, volumes = size, per instance):
 * a replica launch reserves `count` copies of the source's flavor and volume.
 */
export function launchQuotaDeltas(v: {
  count: number
  volumeSize: number | undefined
  flavorRam: number | undefined
}): Partial<QuotaUsage> {
  const count = Number.isInteger(v.count) && v.count > 0 ? v.count : 1
  const size = v.volumeSize !== undefined && Number.isFinite(v.volumeSize) ? v.volumeSize : 0
  return {
    instances: count,
    volumes: size * count,
    ...(v.flavorRam !== undefined ? { ram: v.flavorRam * count } : {}),
  }
}
