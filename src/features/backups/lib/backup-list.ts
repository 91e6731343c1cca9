import type { Backup } from '@/api/backups/schemas'
import { newestThenId } from '@/api/backups/order'
import type { SortValue } from '@/components/data-table/columns'
import { sortRows, type SortDir } from '@/components/data-table/sort-filter'
import type { BackupSortColumn } from './backup-search'

export type { SortDir }

export interface BackupFilters {
  q: string
  instance: string
  datastore: string
  status: string
}

/** Filters by free text (name, id, description), instance id, datastore type and status. */
export function filterBackups(backups: readonly Backup[], f: BackupFilters): Backup[] {
  const q = f.q.trim().toLowerCase()
  return backups.filter((b) => {
    if (f.instance && b.instance_id !== f.instance) return false
    if (f.datastore && b.datastore?.type !== f.datastore) return false
    if (f.status && b.status !== f.status) return false
    if (!q) return true
    return (
      b.name.toLowerCase().includes(q) ||
      b.id.toLowerCase().includes(q) ||
      (b.description ?? '').toLowerCase().includes(q)
    )
  })
}

/** The value a backup sorts by in a column (the table's column accessor). */
export function backupSortValue(
  b: Backup,
  col: BackupSortColumn,
  instanceName: (id: string | null | undefined) => string = (id) => id ?? '',
): SortValue {
  switch (col) {
    case 'name':
      return b.name
    case 'status':
      return b.status
    case 'instance':
      return instanceName(b.instance_id)
    case 'datastore':
      return b.datastore ? `${b.datastore.type} ${b.datastore.version}` : ''
    case 'size':
      return b.size ?? -1
    case 'created':
      return b.created
  }
}

/** Sorts by a column; ties fall back to newest first, then id, so the order is stable. */
export function sortBackups(
  backups: readonly Backup[],
  col: BackupSortColumn,
  dir: SortDir,
  instanceName: (id: string | null | undefined) => string = (id) => id ?? '',
): Backup[] {
  return sortRows(backups, (b) => backupSortValue(b, col, instanceName), dir, newestThenId)
}

/**
 * What a bulk delete asks the cloud to delete: the selected backups, less those that go anyway
 * with a selected ancestor (deleting a parent deletes its incrementals).
 */
export function bulkDeleteRoots<T extends Pick<Backup, 'id' | 'parent_id'>>(
  selected: readonly T[],
  all: readonly T[],
): T[] {
  const chosen = new Set(selected.map((b) => b.id))
  const parentOf = new Map(all.map((b) => [b.id, b.parent_id ?? null]))
  return selected.filter((b) => {
    const seen = new Set<string>([b.id])
    let p = b.parent_id ?? null
    while (p && !seen.has(p)) {
      if (chosen.has(p)) return false
      seen.add(p)
      p = parentOf.get(p) ?? null
    }
    return true
  })
}
