import type { Backup } from '../backups/schemas'
import type { Flavor } from '../flavors/schemas'
import type { Instance } from '../instances/schemas'
import type { QuotaUsage } from '../limits/quota'
import type { AbsoluteLimits } from '../limits/schemas'
import { bySeverity, deleteNeedsTypedName } from './change-preview'
import type { Consequence, QuotaUsageDelta } from './consequence'
import { quotaConsequence, quotaDeltasFor } from './quota-delta'
import { replicationSetOf } from './topology'

const s = (n: number) => (n === 1 ? '' : 's')
const RUNNING = new Set(['NEW', 'BUILDING', 'SAVING'])

/**
 * One preview for deleting several instances (the instance list's bulk delete): the outage,
 * sources whose replicas stay (Trove refuses them), replicas that leave their set, the backups
 * that survive (Trove 18 deletes none with its instance) or block the delete while running, and
 * the quota freed, summed over every selected instance. Pure.
 */
export function bulkDeletePreview(v: {
  selected: readonly Instance[]
  instances: readonly Instance[] | undefined
  backups: readonly Backup[] | undefined
  flavors: readonly Flavor[] | undefined
  usage: QuotaUsage | undefined
  limits: AbsoluteLimits | undefined
}): Consequence[] {
  const list = v.instances ?? v.selected
  const ids = new Set(v.selected.map((i) => i.id))
  const out: Consequence[] = []
  const n = v.selected.length
  out.push({
    id: 'outage',
    kind: 'outage',
    tone: 'danger',
    text: `${n === 1 ? 'The database, its volume and the data on it go' : `${n} databases, their volumes and the data on them go`} for good.`,
  })
  const blocked: string[] = []
  const after: string[] = []
  const leaving: string[] = []
  for (const i of v.selected) {
    const set = replicationSetOf(i, list)
    if (!set) continue
    if (set.source.id === i.id) {
      const kept = set.replicas.filter((r) => !ids.has(r.id))
      if (kept.length > 0)
        blocked.push(`${i.name} (${kept.length} replica${s(kept.length)} not selected)`)
      else if (set.replicas.length > 0) after.push(i.name)
    } else if (!ids.has(set.source.id)) leaving.push(`${i.name} leaves ${set.source.name}`)
  }
  if (blocked.length > 0)
    out.push({
      id: 'replica-sources',
      kind: 'warning',
      tone: 'danger',
      text: `Trove refuses to delete a replica source ("Detach replicas before deleting replica source."): ${blocked.join('; ')}. The deletes stop at the first refusal.`,
    })
  if (after.length > 0)
    out.push({
      id: 'replicas-first',
      kind: 'note',
      tone: 'warning',
      text: `Replicas are deleted first: ${after.join(', ')} ${after.length === 1 ? 'is' : 'are'} deleted once ${after.length === 1 ? 'its' : 'their'} selected replicas are gone (Trove refuses a source that still has replicas).`,
    })
  if (leaving.length > 0)
    out.push({
      id: 'replicas',
      kind: 'note',
      tone: 'warning',
      text: `Replicas leave their sets: ${leaving.join('; ')}.`,
    })
  if (!v.backups) {
    out.push({ id: 'backups', kind: 'backups', tone: 'info', text: 'Reading the backups…' })
  } else {
    const own = v.backups.filter((b) => typeof b.instance_id === 'string' && ids.has(b.instance_id))
    const running = own.filter((b) => RUNNING.has(b.status))
    const without = v.selected.filter((i) => !own.some((b) => b.instance_id === i.id))
    if (running.length > 0) {
      const names = [...new Set(running.map((b) => nameOf(v.selected, b.instance_id)))]
      out.push({
        id: 'backups-running',
        kind: 'backups',
        tone: 'danger',
        text: `A backup is running on ${names.join(', ')}: the cloud refuses ${names.length === 1 ? 'its' : 'their'} delete until it ends.`,
      })
    }
    out.push({
      id: 'backups',
      kind: 'backups',
      tone: without.length > 0 ? 'warning' : 'info',
      text:
        own.length === 0
          ? n === 1
            ? 'It has no backup: nothing of its data survives.'
            : 'None of them has a backup: nothing of their data survives.'
          : `${own.length} backup${s(own.length)} of ${n - without.length} of them survive${own.length === 1 ? 's' : ''} (Trove never deletes backups with their instance) and keep counting against your backup quota${without.length > 0 ? `; no backup of ${without.map((i) => i.name).join(', ')}` : ''}.`,
    })
  }
  const total: QuotaUsageDelta = {}
  for (const i of v.selected) {
    const d = quotaDeltasFor('delete', {
      instance: i,
      ...(v.flavors ? { flavors: v.flavors } : {}),
    })
    for (const [k, x] of Object.entries(d ?? {}) as [keyof QuotaUsageDelta, number][])
      total[k] = (total[k] ?? 0) + x
  }
  const quota = quotaConsequence(total, v.usage, v.limits)
  if (quota) out.push(quota)
  return bySeverity(out)
}

function nameOf(list: readonly Instance[], id: string | null | undefined): string {
  return list.find((i) => i.id === id)?.name ?? id ?? '?'
}

/** The selected instances whose name must be typed to delete them (public, or replicated). */
export function namesToType(selected: readonly Instance[], instances: readonly Instance[] = []) {
  return selected.filter((i) => deleteNeedsTypedName(i, instances)).map((i) => i.name)
}
