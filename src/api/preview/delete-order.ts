import type { Instance } from '../instances/schemas'
import { replicationSetOf } from './topology'

/**
 * The order a bulk delete runs in: a selected replica before its selected source (Trove refuses
 * to delete a source while it has replicas), otherwise the selection's order. Pure.
 */
export function deleteOrder(
  selected: readonly Instance[],
  instances: readonly Instance[],
): Instance[] {
  const ids = new Set(selected.map((i) => i.id))
  const firsts = selected.filter((i) => {
    const source = replicationSetOf(i, instances)?.source.id
    return source !== undefined && source !== i.id && ids.has(source)
  })
  const first = new Set(firsts.map((i) => i.id))
  return [...firsts, ...selected.filter((i) => !first.has(i.id))]
}

/** The selected replicas of `source` that must be gone before it can be deleted. */
export function replicasToAwait(
  source: Instance,
  selected: readonly Instance[],
  instances: readonly Instance[],
): Instance[] {
  const set = replicationSetOf(source, instances)
  if (!set || set.source.id !== source.id) return []
  const replicas = new Set(set.replicas.map((r) => r.id))
  return selected.filter((i) => replicas.has(i.id))
}
