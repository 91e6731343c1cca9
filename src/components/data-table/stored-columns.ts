import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type { TableSearch } from './search'

const PREFIX = 'dbaas-console:columns:'

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

/** The columns this browser last chose for a table ('' = none stored). */
export function readStoredCols(table: string): string {
  return storage()?.getItem(PREFIX + table) ?? ''
}

const listeners = new Set<() => void>()

/** Keeps a table's chosen columns ('' forgets them: the defaults again). */
export function writeStoredCols(table: string, cols: string): void {
  const s = storage()
  if (!s) return
  try {
    if (cols) s.setItem(PREFIX + table, cols)
    else s.removeItem(PREFIX + table)
  } catch {
    // Storage full or refused: the URL still carries the choice.
  }
  for (const l of listeners) l()
}

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}

/**
 * The columns a table shows: the URL's `cols` when it has them (a shared link opens as sent),
 * else the ones this browser chose last time. A change of columns writes both.
 */
export function useStoredColumns<S extends string, T extends TableSearch<S>>(
  table: string,
  search: T,
  onSearchChange: (patch: Partial<T>) => void,
): { search: T; onSearchChange: (patch: Partial<T>) => void } {
  const stored = useSyncExternalStore(
    subscribe,
    () => readStoredCols(table),
    () => '',
  )
  const effective = useMemo(
    () => (search.cols || !stored ? search : { ...search, cols: stored }),
    [search, stored],
  )
  const change = useCallback(
    (patch: Partial<T>) => {
      if (patch.cols !== undefined) writeStoredCols(table, patch.cols)
      onSearchChange(patch)
    },
    [table, onSearchChange],
  )
  return { search: effective, onSearchChange: change }
}
