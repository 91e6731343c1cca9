import type { Backup } from '../backups/schemas'

/**
 * Incremental chains, pure: a backup with `parent_id` is an incremental on its parent. Deleting a
 * parent deletes every descendant; restoring an incremental applies its ancestors first.
 */

type Node = Pick<Backup, 'id' | 'parent_id'>

/** Every descendant of `id` (children, then grandchildren ...), nearest first. */
export function descendantsOf<T extends Node>(backups: readonly T[], id: string): T[] {
  const byParent = new Map<string, T[]>()
  for (const b of backups) {
    if (!b.parent_id) continue
    const list = byParent.get(b.parent_id) ?? []
    list.push(b)
    byParent.set(b.parent_id, list)
  }
  const out: T[] = []
  const seen = new Set<string>([id])
  let frontier = [id]
  while (frontier.length > 0) {
    const next: string[] = []
    for (const p of frontier) {
      for (const child of byParent.get(p) ?? []) {
        if (seen.has(child.id)) continue
        seen.add(child.id)
        out.push(child)
        next.push(child.id)
      }
    }
    frontier = next
  }
  return out
}

/**
 * The chain a backup restores from, root (full backup) first and the backup itself last. Stops at
 * a parent that is not in the list (deleted, or not visible) and reports it as missing.
 */
export function chainOf<T extends Node>(
  backups: readonly T[],
  id: string,
): { chain: T[]; missingParent: string | null } {
  const byId = new Map(backups.map((b) => [b.id, b]))
  const chain: T[] = []
  const seen = new Set<string>()
  let cur = byId.get(id)
  let missingParent: string | null = null
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id)
    chain.unshift(cur)
    const parentId = cur.parent_id
    if (!parentId) break
    const parent = byId.get(parentId)
    if (!parent) {
      missingParent = parentId
      break
    }
    cur = parent
  }
  return { chain, missingParent }
}

/** Direct children of a backup, oldest first. */
export function childrenOf<T extends Node & Pick<Backup, 'created'>>(
  backups: readonly T[],
  id: string,
): T[] {
  return backups
    .filter((b) => b.parent_id === id)
    .sort((a, b) => a.created.localeCompare(b.created))
}
