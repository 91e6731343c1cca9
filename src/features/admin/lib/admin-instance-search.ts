import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

export const ADMIN_INSTANCE_SORT_COLUMNS = [
  'name',
  'project',
  'status',
  'datastore',
  'host',
  'server',
  'volume',
  'created',
] as const
export type AdminInstanceSort = (typeof ADMIN_INSTANCE_SORT_COLUMNS)[number]

/** URL state of the all-projects instance list: the table's, plus project, status and deleted. */
export const adminInstancesSearchSchema = z.object({
  ...tableSearchFields(ADMIN_INSTANCE_SORT_COLUMNS, 'name', 'asc'),
  project: z._default(z.catch(z.string(), ''), ''),
  status: z._default(z.catch(z.string(), ''), ''),
  deleted: z._default(z.catch(z.enum(['live', 'deleted', 'all']), 'live'), 'live'),
})
export type AdminInstancesSearch = z.infer<typeof adminInstancesSearchSchema>
export const adminInstancesSearchDefaults: AdminInstancesSearch = {
  ...tableSearchDefaults<AdminInstanceSort>('name', 'asc'),
  project: '',
  status: '',
  deleted: 'live',
}
