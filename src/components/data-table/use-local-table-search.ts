import { useCallback, useState } from 'react'
import { tableSearchDefaults, type TableSearch } from './search'
import type { SortDir } from './sort-filter'

/**
 * A table's view state kept in the component, for a small secondary list on a page whose URL
 * already holds another table's state (e.g. a group's instances under its values).
 */
export function useLocalTableSearch<S extends string>(sort: S, dir: SortDir = 'asc') {
  const [search, setState] = useState<TableSearch<S>>(() => tableSearchDefaults(sort, dir))
  const setSearch = useCallback(
    (patch: Partial<TableSearch<S>>) => setState((prev) => ({ ...prev, ...patch })),
    [],
  )
  return [search, setSearch] as const
}
