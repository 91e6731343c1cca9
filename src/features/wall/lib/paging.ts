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
