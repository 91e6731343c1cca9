import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

/** The groups list's view state in the URL: table fields and the datastore select. */
export const CONFIGURATION_SORT_COLUMNS = [
  'name',
  'datastore',
  'description',
  'instances',
  'updated',
] as const
export type ConfigurationSortColumn = (typeof CONFIGURATION_SORT_COLUMNS)[number]
export const configurationsSearchSchema = z.object({
  ...tableSearchFields(CONFIGURATION_SORT_COLUMNS, 'name'),
  datastore: z.catch(z._default(z.string(), ''), ''),
})
export type ConfigurationsSearch = z.infer<typeof configurationsSearchSchema>
export const configurationsSearchDefaults: ConfigurationsSearch = {
  ...tableSearchDefaults<ConfigurationSortColumn>('name'),
  datastore: '',
}

/** A group's values list (detail page): view state in the URL. */
export const VALUE_SORT_COLUMNS = ['name', 'value', 'applies'] as const
export type ValueSortColumn = (typeof VALUE_SORT_COLUMNS)[number]
export const valuesSearchSchema = z.object(tableSearchFields(VALUE_SORT_COLUMNS, 'name'))
export type ValuesSearch = z.infer<typeof valuesSearchSchema>
export const valuesSearchDefaults: ValuesSearch = tableSearchDefaults('name')

/** The instance tab's group-vs-defaults list: view state in the URL. */
export const DIFF_SORT_COLUMNS = ['name', 'default', 'value', 'state'] as const
export type DiffSortColumn = (typeof DIFF_SORT_COLUMNS)[number]
export const diffSearchSchema = z.object(tableSearchFields(DIFF_SORT_COLUMNS, 'name'))
export type DiffSearch = z.infer<typeof diffSearchSchema>
export const diffSearchDefaults: DiffSearch = tableSearchDefaults('name')
