import type { Backup } from './schemas'

/** Ties: newest first, then id, so the order is stable while rows poll (every backup list). */
export function newestThenId(a: Backup, b: Backup): number {
  return b.created.localeCompare(a.created) || a.id.localeCompare(b.id)
}
