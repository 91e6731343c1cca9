import { useMemo, useRef, type CSSProperties } from 'react'
import {
  columnsFor,
  pageAt,
  pagesForScreen,
  planWall,
  type CollapsedGroup,
  type WallLayout,
  type WallPage,
} from '../lib/paging'
import type { WallItem } from '../lib/snapshot'
import type { WallGroupOf } from '../lib/group-filter'
import { useElementSize } from './use-element-size'
import { WallTile } from './wall-tile'

/** Tile geometry in rem (the wall scales the root font size with the screen width). */
export const TILE_W_REM = 19
export const TILE_H_REM = 9
const GAP_REM = 0.75
const HEADER_REM = 2.5
/** The row of counts that stands for tiles that did not fit. */
const COLLAPSED_REM = 5

/** Error and attention tiles: always on screen. */
const isException = (item: WallItem) => item.health === 'error' || item.health === 'warning'

/**
 * Splits the tiles into screens that fit the measured tile area and picks the one to show on
 * the wall's clock (no timer of its own).
 */
export function useWallPages(
  groups: WallGroupOf[],
  grouped: boolean,
  now: number,
  pageMs: number,
  screen: { index: number; of: number } = { index: 1, of: 1 },
) {
  const ref = useRef<HTMLDivElement>(null)
  const size = useElementSize(ref)
  const layout: WallLayout | undefined = useMemo(
    () =>
      size && size.height > 0
        ? {
            width: size.width,
            height: size.height,
            tileWidth: TILE_W_REM * size.rem,
            tileHeight: TILE_H_REM * size.rem,
            gap: GAP_REM * size.rem,
            headerHeight: grouped ? HEADER_REM * size.rem : 0,
          }
        : undefined,
    [size, grouped],
  )
  const plan = useMemo(
    () =>
      layout && size
        ? planWall(groups, layout, isException, COLLAPSED_REM * size.rem)
        : { pages: [], collapsed: [] },
    [groups, layout, size],
  )
  const pages = useMemo(() => pagesForScreen(plan.pages, screen), [plan.pages, screen])
  const index = pageAt(now, pageMs, pages.length)
  return {
    ref,
    page: pages[index] ?? [],
    collapsed: plan.collapsed,
    index,
    count: pages.length,
    cols: layout ? columnsFor(layout) : 1,
  }
}

/**
 * One screen of fixed-size tiles. Only the visible page is in the DOM, so 10,000 instances cost
 * what one screen costs.
 */
export function WallGrid({
  gridRef,
  page,
  collapsed,
  cols,
  grouped,
  now,
  index,
  count,
  stale,
}: {
  gridRef: React.RefObject<HTMLDivElement | null>
  page: WallPage
  collapsed: CollapsedGroup[]
  cols: number
  grouped: boolean
  /** The clock for ages: the time of the last read while stale (ages stop there). */
  now: number
  index: number
  count: number
  /** The tiles are from an older read: dimmed. */
  stale: boolean
}) {
  return (
    <div
      ref={gridRef}
      className="min-h-0 flex-1 overflow-hidden"
      style={{ '--wall-tile-h': `${TILE_H_REM}rem` } as CSSProperties}
      data-testid="wall-grid"
      data-page={index + 1}
      data-pages={count}
      data-stale={stale ? 'true' : undefined}
    >
      {collapsed.length > 0 ? (
        <section className="mb-3" aria-label="Not shown as tiles" data-testid="wall-collapsed">
          <ul role="list" className="flex flex-wrap gap-3">
            {collapsed.map((c) => (
              <li
                key={c.key}
                className="flex items-baseline gap-2 rounded-xl border-2 border-emerald-500/60 bg-emerald-950/40 px-4 py-2 text-xl text-slate-100"
              >
                <span className="font-bold tabular-nums">{c.count.toLocaleString('en-US')}</span>{' '}
                <span>{grouped ? `${c.label}: ` : ''}healthy or working, not shown as tiles</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {page.map((section) => (
        <section key={section.key} className="mb-3">
          {grouped ? (
            <h2 className="mb-3 flex h-10 items-center gap-3 text-2xl font-semibold text-slate-100">
              {section.label}
              <span className="text-lg font-normal text-slate-300">
                {section.total.toLocaleString('en-US')} instance{section.total === 1 ? '' : 's'}
                {section.continued ? ' (continued)' : ''}
              </span>
            </h2>
          ) : null}
          <ul
            role="list"
            aria-label={grouped ? section.label : 'Instances'}
            className={stale ? 'grid gap-3 opacity-75 grayscale' : 'grid gap-3'}
            style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}
          >
            {section.items.map((item) => (
              <WallTile
                key={`${item.region}/${item.id}`}
                item={item}
                now={item.health === 'busy' || item.health === 'error' ? now : 0}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
