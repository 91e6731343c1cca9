import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

export const VERSION_SORT_COLUMNS = [
  'datastore',
  'name',
  'version',
  'manager',
  'image',
  'state',
] as const
export type VersionSort = (typeof VERSION_SORT_COLUMNS)[number]

export const versionsSearchSchema = z.object({
  ...tableSearchFields(VERSION_SORT_COLUMNS, 'datastore', 'asc'),
})
export type VersionsSearch = z.infer<typeof versionsSearchSchema>
export const versionsSearchDefaults: VersionsSearch = tableSearchDefaults<VersionSort>('datastore')

export const PARAMETER_SORT_COLUMNS = ['name', 'type', 'min', 'max', 'restart'] as const
export type ParameterSort = (typeof PARAMETER_SORT_COLUMNS)[number]

/** URL state of a version's page: its parameters table. */
export const parametersSearchSchema = z.object({
  ...tableSearchFields(PARAMETER_SORT_COLUMNS, 'name', 'asc'),
})
export type ParametersSearch = z.infer<typeof parametersSearchSchema>
export const parametersSearchDefaults: ParametersSearch = tableSearchDefaults<ParameterSort>('name')
