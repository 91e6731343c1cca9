import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

export const BACKUP_SORT_COLUMNS = [
  'name',
  'status',
  'instance',
  'datastore',
  'size',
  'created',
] as const
export type BackupSortColumn = (typeof BACKUP_SORT_COLUMNS)[number]

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

/** The instance's Backups tab: the table's own view state in the URL (newest first). */
export const instanceBackupsSearchSchema = z.object({
  ...tableSearchFields(BACKUP_SORT_COLUMNS, 'created', 'desc'),
})
export type InstanceBackupsSearch = z.infer<typeof instanceBackupsSearchSchema>
export const instanceBackupsSearchDefaults: InstanceBackupsSearch =
  tableSearchDefaults<BackupSortColumn>('created', 'desc')
