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

/** Results a row filter keeps (the queries typed on the way to the current one). */
const KEPT_RESULTS = 16

/** Whether every row matching `words` also matches `base`: each base word is in one of `words`. */
function narrows(words: readonly string[], base: readonly string[]): boolean {
  return base.every((b) => words.some((w) => w.includes(b)))
}

/**
 * `filterRows` over one list that remembers its last results: a query that narrows an earlier
 * one (a letter typed at the end, a word added) filters that query's rows instead of the whole
 * list, and a query typed before (Backspace) returns its rows as they were. Results keep the
 * list's order. Make one per list and text function (useMemo): a new list starts afresh.
 */
export function createRowFilter<T>(
  rows: readonly T[],
  text: (row: T) => string,
): (q: string) => readonly T[] {
  const kept: { key: string; words: string[]; rows: readonly T[] }[] = []
  return (q) => {
    const words = filterWords(q)
    if (words.length === 0) return rows
    const key = words.join(' ')
    const hit = kept.findIndex((k) => k.key === key)
    if (hit >= 0) {
      const [entry] = kept.splice(hit, 1)
      if (entry) {
        kept.push(entry)
        return entry.rows
      }
    }
    // The smallest earlier result this query narrows, else the whole list.
    let base: readonly T[] = rows
    for (const k of kept) if (k.rows.length < base.length && narrows(words, k.words)) base = k.rows
    const out = base.filter((row) => {
      const t = text(row)
      return words.every((w) => t.includes(w))
    })
    kept.push({ key, words, rows: out })
    if (kept.length > KEPT_RESULTS) kept.shift()
    return out
  }
}
