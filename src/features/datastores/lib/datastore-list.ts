import { ApiError } from '@/api/errors'
import type { Datastore } from '@/api/datastores/schemas'
import type { Parameter } from '@/api/parameters/schemas'
import type { SortValue } from '@/components/data-table/columns'
import type {
  DatastoreSortColumn,
  VersionSortColumn,
  ParameterSortColumn,
} from './datastore-search'

export type DatastoreVersionRef = Datastore['versions'][number]

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
