import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

export const SERVICE_SORT_COLUMNS = [
  'name',
  'type',
  'plan',
  'state',
  'nodes',
  'disk',
  'created',
] as const
export type ServiceSortColumn = (typeof SERVICE_SORT_COLUMNS)[number]

/** The services list's view state in the URL (sort, filter text, columns, type). */
export const servicesSearchSchema = z.object({
  ...tableSearchFields(SERVICE_SORT_COLUMNS, 'name', 'asc'),
  type: z.catch(z._default(z.string(), ''), ''),
})
export type ServicesSearch = z.infer<typeof servicesSearchSchema>
export const servicesSearchDefaults: ServicesSearch = {
  ...tableSearchDefaults<ServiceSortColumn>('name', 'asc'),
  type: '',
}
