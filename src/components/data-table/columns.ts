import type { ReactNode } from 'react'

/** What a column sorts by: missing values (undefined) go last in both directions. */
export type SortValue = string | number | undefined

/**
 * One column of a list, given per resource by the caller (a `<resource>-columns.tsx` file in the
 * feature). The data table renders them itself (no table library).
 */
export interface DataTableColumn<T> {
  /** Stable id: used in the URL (`sort`, `cols`) and as the CSV header's key. */
  id: string
  /** Header text (also the CSV header and the column menu's label). */
  header: string
  cell: (row: T) => ReactNode
  /** The accessor the column sorts by; without it the column is not sortable. */
  sortValue?: (row: T) => SortValue
  /** Text the free-text filter searches in (lowercased once per row by the table). */
  filterText?: (row: T) => string | undefined | readonly (string | undefined)[]
  /** The CSV value; defaults to the sort value. Return undefined for an empty cell. */
  csv?: (row: T) => string | number | undefined
  /** Classes of the header and cells (width, alignment). */
  className?: string
  /** Hidden until the user shows it in the column menu. */
  defaultHidden?: boolean
  /** False: always shown (the name column). Default true. */
  hideable?: boolean
}
