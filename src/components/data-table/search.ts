import * as z from 'zod/mini'
import type { SortDir } from './sort-filter'

/** A table's view state in the URL: sort column and direction, filter text, visible columns. */
export interface TableSearch<S extends string = string> {
  sort: S
  dir: SortDir
  q: string
  /** Visible column ids, comma-separated; '' = the default columns. */
  cols: string
}

/**
 * The zod fields a route's `validateSearch` merges for its table: bad or missing values fall back
 * to the defaults, so an old or hand-edited link still opens.
 *
 *   export const fooSearchSchema = z.object({ ...tableSearchFields(FOO_SORTS, 'name'), status: … })
 */
export function tableSearchFields<const S extends readonly [string, ...string[]]>(
  sortColumns: S,
  sort: S[number],
  dir: SortDir = 'asc',
) {
  return {
    q: z.catch(z._default(z.string(), ''), ''),
    sort: z.catch(z._default(z.enum(sortColumns), sort), sort),
    dir: z.catch(z._default(z.enum(['asc', 'desc']), dir), dir),
    cols: z.catch(z._default(z.string(), ''), ''),
  }
}

/** The defaults of those fields, for the route's `stripSearchParams` (a plain link stays plain). */
export function tableSearchDefaults<S extends string>(
  sort: S,
  dir: SortDir = 'asc',
): TableSearch<S> {
  return { q: '', sort, dir, cols: '' }
}

/** The next sort state when a column header is clicked: same column flips, another starts asc. */
export function nextSort<S extends string>(
  current: { sort: S; dir: SortDir },
  column: S,
): { sort: S; dir: SortDir } {
  return { sort: column, dir: current.sort === column && current.dir === 'asc' ? 'desc' : 'asc' }
}

/** Visible column ids from the URL's `cols` (unknown ids dropped; '' or none left = defaults). */
export function parseCols(
  cols: string,
  columns: readonly { id: string; defaultHidden?: boolean; hideable?: boolean }[],
): Set<string> {
  const known = new Set(columns.map((c) => c.id))
  const picked = cols
    .split(',')
    .map((s) => s.trim())
    .filter((id) => known.has(id))
  const visible = new Set(
    picked.length > 0 ? picked : columns.filter((c) => !c.defaultHidden).map((c) => c.id),
  )
  for (const c of columns) if (c.hideable === false) visible.add(c.id)
  return visible
}

/** `cols` for a set of visible columns: '' when it is the default set (stripped from the URL). */
export function formatCols(
  visible: ReadonlySet<string>,
  columns: readonly { id: string; defaultHidden?: boolean; hideable?: boolean }[],
): string {
  const defaults = parseCols('', columns)
  const same = defaults.size === visible.size && [...defaults].every((id) => visible.has(id))
  return same
    ? ''
    : columns
        .filter((c) => visible.has(c.id))
        .map((c) => c.id)
        .join(',')
}
