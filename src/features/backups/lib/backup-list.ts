import * as z from 'zod/mini'
import type { Backup } from '@/api/backups/schemas'
import { newestThenId } from '@/api/backups/order'
import type { SortValue } from '@/components/data-table/columns'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'
import { sortRows, type SortDir } from '@/components/data-table/sort-filter'

export const BACKUP_SORT_COLUMNS = [
  'name',
  'status',
  'instance',
  'datastore',
  'size',
  'created',
] as const
export type BackupSortColumn = (typeof BACKUP_SORT_COLUMNS)[number]
export type { SortDir }

/** The backups list's view state in the URL: bad or missing values fall back to defaults. */
export const backupsSearchSchema = z.object({
  ...tableSearchFields(BACKUP_SORT_COLUMNS, 'created', 'desc'),
  instance: z.catch(z._default(z.string(), ''), ''),
  datastore: z.catch(z._default(z.string(), ''), ''),
  status: z.catch(z._default(z.string(), ''), ''),
})
export type BackupsSearch = z.infer<typeof backupsSearchSchema>

export const backupsSearchDefaults: BackupsSearch = {
  ...tableSearchDefaults<BackupSortColumn>('created', 'desc'),
  instance: '',
  datastore: '',
  status: '',
}

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

/** The instance's Backups tab: the table's own view state in the URL (newest first). */
export const instanceBackupsSearchSchema = z.object({
  ...tableSearchFields(BACKUP_SORT_COLUMNS, 'created', 'desc'),
})
export type InstanceBackupsSearch = z.infer<typeof instanceBackupsSearchSchema>
export const instanceBackupsSearchDefaults: InstanceBackupsSearch =
  tableSearchDefaults<BackupSortColumn>('created', 'desc')

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
