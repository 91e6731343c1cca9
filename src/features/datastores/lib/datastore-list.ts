import * as z from 'zod/mini'
import { ApiError } from '@/api/errors'
import type { Datastore } from '@/api/datastores/schemas'
import type { Parameter } from '@/api/parameters/schemas'
import type { SortValue } from '@/components/data-table/columns'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

export type DatastoreVersionRef = Datastore['versions'][number]

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

/** The value a datastore sorts by in a column. */
export function datastoreSortValue(d: Datastore, col: DatastoreSortColumn): SortValue {
  return col === 'name' ? d.name : d.versions.length
}

/** What the filter box searches in a datastore: its name and its versions' names. */
export function datastoreFilterText(d: Datastore): string[] {
  return [d.name, ...d.versions.map((v) => v.name)]
}

/** The value a version sorts by in a column. */
export function versionSortValue(v: DatastoreVersionRef, col: VersionSortColumn): SortValue {
  switch (col) {
    case 'name':
      return v.name
    case 'version':
      return v.version
    case 'id':
      return v.id
  }
}

/** The value a parameter sorts by in a column (no limit sorts last). */
export function parameterSortValue(p: Parameter, col: ParameterSortColumn): SortValue {
  switch (col) {
    case 'name':
      return p.name
    case 'type':
      return p.type
    case 'min':
      return p.min
    case 'max':
      return p.max
    case 'restart':
      return p.restart_required ? 'Yes' : 'No'
  }
}

/** What the filter box searches in a parameter: its name and its type. */
export function parameterFilterText(p: Parameter): string[] {
  return [p.name, p.type]
}

/** The datastore named (or with id) `ref`. */
export function findDatastore(list: readonly Datastore[], ref: string): Datastore | undefined {
  return list.find((d) => d.name === ref || d.id === ref)
}

/** The version named (or with id) `ref` of a datastore named (or with id) `ds`. */
export function findDatastoreVersion(list: readonly Datastore[], ds: string, ref: string) {
  const datastore = findDatastore(list, ds)
  const version = datastore?.versions.find((v) => v.name === ref || v.id === ref)
  return { datastore, version }
}

/** A 404 for the route's error view: the datastore or version is not offered in this region. */
export function notOffered(what: string): ApiError {
  return new ApiError({ status: 404, kind: 'not-found', message: `${what} is not offered here.` })
}
