import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

export const ADMIN_BACKUP_SORT_COLUMNS = [
  'name',
  'project',
  'status',
  'instance',
  'datastore',
  'size',
  'created',
] as const
export type AdminBackupSort = (typeof ADMIN_BACKUP_SORT_COLUMNS)[number]

/** URL state of the all-projects backups list: the table's, plus the project asked for. */
export const adminBackupsSearchSchema = z.object({
  ...tableSearchFields(ADMIN_BACKUP_SORT_COLUMNS, 'created', 'desc'),
  project: z._default(z.catch(z.string(), ''), ''),
})
export type AdminBackupsSearch = z.infer<typeof adminBackupsSearchSchema>
export const adminBackupsSearchDefaults: AdminBackupsSearch = {
  ...tableSearchDefaults<AdminBackupSort>('created', 'desc'),
  project: '',
}
