import type { DataTableColumn, SortValue } from './columns'

export type SortDir = 'asc' | 'desc'

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Numbers by value, text naturally (`db2` < `db10`), case-insensitive. */
export function compareValues(a: SortValue, b: SortValue): number {
  if (a === undefined && b === undefined) return 0
  if (a === undefined) return 1
  if (b === undefined) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return collator.compare(String(a), String(b))
}

/**
 * A sorted copy by one accessor. Missing values go last in both directions; ties keep the input
 * order (the caller's default order, e.g. name then id), so the order is stable while rows poll.
 */
export function sortRows<T>(
  rows: readonly T[],
  value: ((row: T) => SortValue) | undefined,
  dir: SortDir,
  tieBreak?: (a: T, b: T) => number,
): T[] {
  if (!value) return [...rows]
  const sign = dir === 'asc' ? 1 : -1
  const keyed = rows.map((row, index) => ({ row, index, k: value(row) }))
  keyed.sort((a, b) => {
    const missing = (a.k === undefined ? 1 : 0) - (b.k === undefined ? 1 : 0)
    if (missing !== 0) return missing
    const c = compareValues(a.k, b.k) * sign
    if (c !== 0) return c
    return (tieBreak ? tieBreak(a.row, b.row) : 0) || a.index - b.index
  })
  return keyed.map((x) => x.row)
}

/** The lowercase text a row is searched in: every column's filter text, joined. */
export function rowFilterText<T>(row: T, columns: readonly DataTableColumn<T>[]): string {
  const parts: string[] = []
  for (const c of columns) {
    const t = c.filterText?.(row)
    if (t === undefined) continue
    if (typeof t === 'string') parts.push(t)
    else for (const p of t) if (p) parts.push(p)
  }
  return parts.join('\n').toLowerCase()
}

/**
 * A filter-text function that computes each row's text once: rows keep their identity across
 * refetches (Query's structural sharing), so a keystroke only compares strings. Make one per
 * column set (useMemo).
 */
export function cachedRowText<T extends object>(
  columns: readonly DataTableColumn<T>[],
): (row: T) => string {
  const cache = new WeakMap<T, string>()
  return (row) => {
    let text = cache.get(row)
    if (text === undefined) {
      text = rowFilterText(row, columns)
      cache.set(row, text)
    }
    return text
  }
}

/** The words of a filter text: a row matches when its text holds every word. */
function filterWords(q: string): string[] {
  return q.trim().toLowerCase().split(/\s+/).filter(Boolean)
}

/** The rows whose text holds every word, in their order (a sorted list stays sorted). */
export function filterRows<T>(rows: readonly T[], q: string, text: (row: T) => string): T[] {
  const words = filterWords(q)
  if (words.length === 0) return [...rows]
  return rows.filter((row) => {
    const t = text(row)
    return words.every((w) => t.includes(w))
  })
}
