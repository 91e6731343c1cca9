import type { Backup } from '@/api/backups/schemas'
import type { SortValue } from '@/components/data-table/columns'
import type { AdminBackupSort } from './admin-backup-search'

export const backupDatastoreText = (b: Backup): string =>
  b.datastore ? `${b.datastore.type} ${b.datastore.version}` : ''

/** What the text filter searches in: name, ids, project, description. */
export function adminBackupHaystack(b: Backup): string[] {
  return [b.name, b.id, b.project_id ?? '', b.instance_id ?? '', b.description ?? ''].filter(
    Boolean,
  )
}

/** The value a backup sorts by in a column (the table's accessor). */
export function adminBackupSortValue(b: Backup, col: AdminBackupSort): SortValue {
  switch (col) {
    case 'name':
      return b.name
    case 'project':
      return b.project_id ?? undefined
    case 'status':
      return b.status
    case 'instance':
      return b.instance_id ?? undefined
    case 'datastore':
      return backupDatastoreText(b) || undefined
    case 'size':
      return b.size ?? undefined
    case 'created':
      return b.created
  }
}
