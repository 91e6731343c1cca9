import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'
import { SORT_COLUMNS } from './instance-list'

/**
 * The instances list's view state in the URL: the table's sort, filter text and columns, plus the
 * page's own status and datastore selects. Bad or missing values fall back to defaults.
 */
export const instancesSearchSchema = z.object({
  ...tableSearchFields(SORT_COLUMNS, 'name', 'asc'),
  status: z.catch(z._default(z.string(), ''), ''),
  datastore: z.catch(z._default(z.string(), ''), ''),
})
export type InstancesSearch = z.infer<typeof instancesSearchSchema>

/** The defaults, left out of the URL so a plain /instances link stays plain. */
export const instancesSearchDefaults: InstancesSearch = {
  ...tableSearchDefaults<(typeof SORT_COLUMNS)[number]>('name', 'asc'),
  status: '',
  datastore: '',
}
