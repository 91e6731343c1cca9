import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

/** The datastores list's view state in the URL (sort, filter text, columns). */
export const DATASTORE_SORT_COLUMNS = ['name', 'versions'] as const
export type DatastoreSortColumn = (typeof DATASTORE_SORT_COLUMNS)[number]
export const datastoresSearchSchema = z.object(tableSearchFields(DATASTORE_SORT_COLUMNS, 'name'))
export type DatastoresSearch = z.infer<typeof datastoresSearchSchema>
export const datastoresSearchDefaults: DatastoresSearch = tableSearchDefaults('name')

/** A datastore's versions list's view state in the URL. */
export const VERSION_SORT_COLUMNS = ['name', 'version', 'id'] as const
export type VersionSortColumn = (typeof VERSION_SORT_COLUMNS)[number]
export const versionsSearchSchema = z.object(tableSearchFields(VERSION_SORT_COLUMNS, 'name'))
export type VersionsSearch = z.infer<typeof versionsSearchSchema>
export const versionsSearchDefaults: VersionsSearch = tableSearchDefaults('name')

/** A version's parameters list's view state in the URL (`?q=innodb` is a shareable link). */
export const PARAMETER_SORT_COLUMNS = ['name', 'type', 'min', 'max', 'restart'] as const
export type ParameterSortColumn = (typeof PARAMETER_SORT_COLUMNS)[number]
export const parametersSearchSchema = z.object(tableSearchFields(PARAMETER_SORT_COLUMNS, 'name'))
export type ParametersSearch = z.infer<typeof parametersSearchSchema>
export const parametersSearchDefaults: ParametersSearch = tableSearchDefaults('name')
