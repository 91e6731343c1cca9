import type { WallGroupOf } from './group-filter'
import type { WallItem } from './snapshot'

/** Geometry of the tile area, in CSS pixels. */
export interface WallLayout {
  width: number
  height: number
  tileWidth: number
  tileHeight: number
  gap: number
  /** Height of a group heading (0 when not grouped). */
  headerHeight: number
}

export interface PageSection {
  key: string
  label: string
  /** The group's size, all pages together. */
  total: number
  continued: boolean
  items: WallItem[]
}

export type WallPage = PageSection[]

/** Tile columns that fit in the width (at least one). */
export function columnsFor(l: Pick<WallLayout, 'width' | 'tileWidth' | 'gap'>): number {
  return Math.max(1, Math.floor((l.width + l.gap) / (l.tileWidth + l.gap)))
}

/**
 * Splits the grouped tiles into screens that fit the tile area: a group heading, then its tiles
 * row by row; a group that does not fit continues on the next screen (with its heading again).
 * Every page holds at least one row, however small the screen.
 */
export function paginate(groups: readonly WallGroupOf[], l: WallLayout): WallPage[] {
  const cols = columnsFor(l)
  const rowPx = l.tileHeight + l.gap
  const pages: WallPage[] = []
  let page: WallPage = []
  let used = 0
  const flush = () => {
    if (page.length > 0) pages.push(page)
    page = []
    used = 0
  }
  for (const g of groups) {
    let offset = 0
    while (offset < g.items.length) {
      const head = l.headerHeight > 0 ? l.headerHeight + l.gap : 0
      if (page.length > 0 && used + head + rowPx > l.height + l.gap) flush()
      used += head
      const rows = Math.max(1, Math.floor((l.height + l.gap - used) / rowPx))
      const take = Math.min(g.items.length - offset, rows * cols)
      page.push({
        key: `${g.key}:${offset}`,
        label: g.label,
        total: g.items.length,
        continued: offset > 0,
        items: g.items.slice(offset, offset + take),
      })
      used += Math.ceil(take / cols) * rowPx
      offset += take
      if (offset < g.items.length) flush()
    }
  }
  flush()
  return pages
}

/** Which page shows at `now` when each stays `pageMs`: one clock drives paging and ages. */
export function pageAt(now: number, pageMs: number, pageCount: number): number {
  if (pageCount <= 1 || pageMs <= 0) return 0
  return Math.floor(now / pageMs) % pageCount
}

/** Healthy (or merely working) tiles of one group that did not fit: shown as a count. */
export interface CollapsedGroup {
  key: string
  label: string
  count: number
}

export interface WallPlan {
  pages: WallPage[]
  /** Groups whose non-exception tiles are shown only as counts (space ran out). */
  collapsed: CollapsedGroup[]
}

/** Height the sections of one page take. */
function pageHeight(page: WallPage, l: WallLayout, cols: number): number {
  const rowPx = l.tileHeight + l.gap
  let used = 0
  for (const s of page) {
    used += l.headerHeight > 0 ? l.headerHeight + l.gap : 0
    used += Math.ceil(s.items.length / cols) * rowPx
  }
  return used
}

/**
 * Exceptions first, at any scale. When every tile fits, one page shows them all. Otherwise the
 * exceptions (`isException`: error and attention tiles) are pinned on every page and the other
 * tiles fill the space left if they all fit there; if not, they collapse into counts per group
 * (`collapsed`, drawn in `collapsedHeight`). Pages rotate only when the exceptions themselves do
 * not fit on one screen.
 */
export function planWall(
  groups: readonly WallGroupOf[],
  l: WallLayout,
  isException: (item: WallItem) => boolean,
  collapsedHeight: number,
): WallPlan {
  const all = paginate(groups, l)
  if (all.length <= 1) return { pages: all, collapsed: [] }
  const cols = columnsFor(l)
  const exceptions: WallGroupOf[] = []
  const rest: WallGroupOf[] = []
  for (const g of groups) {
    const ex = g.items.filter(isException)
    const other = g.items.filter((i) => !isException(i))
    if (ex.length) exceptions.push({ ...g, items: ex })
    if (other.length) rest.push({ ...g, items: other })
  }
  const collapsedAll = rest.map((g) => ({ key: g.key, label: g.label, count: g.items.length }))
  const room = { ...l, height: Math.max(0, l.height - collapsedHeight) }
  const exPages = paginate(exceptions, room)
  if (exPages.length > 1) return { pages: exPages, collapsed: collapsedAll }
  const pinned = exPages[0] ?? []
  const left = { ...l, height: l.height - pageHeight(pinned, l, cols) }
  const restPages = left.height > l.tileHeight ? paginate(rest, left) : []
  if (restPages.length === 1)
    return { pages: [[...pinned, ...(restPages[0] ?? [])]], collapsed: [] }
  return { pages: [pinned], collapsed: collapsedAll }
}

/**
 * `?screen=2/3`: three displays share one wall. Screen k shows the pages k, k+n, k+2n… (turning
 * through those only); with no more pages than screens, each shows one page and none turns.
 */
export function pagesForScreen<T>(pages: readonly T[], screen: { index: number; of: number }): T[] {
  if (screen.of <= 1) return [...pages]
  return pages.filter((_, i) => i % screen.of === screen.index - 1)
}
