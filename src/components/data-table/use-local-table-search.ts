import { useCallback, useState } from 'react'
import { tableSearchDefaults, type TableSearch } from './search'
import type { SortDir } from './sort-filter'

/**
 * A table's view state kept in the component, for a small table inside a section of a page whose
 * URL already belongs to the page (a detail page's sub-lists): same shape as the URL state.
 */
export function useLocalTableSearch<S extends string>(
  sort: S,
  dir: SortDir = 'asc',
): [TableSearch<S>, (patch: Partial<TableSearch<S>>) => void] {
  const [search, setSearch] = useState<TableSearch<S>>(() => tableSearchDefaults(sort, dir))
  const patch = useCallback(
    (p: Partial<TableSearch<S>>) => setSearch((prev) => ({ ...prev, ...p })),
    [],
  )
  return [search, patch]
}
