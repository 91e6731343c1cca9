import { useMemo, useRef, type CSSProperties } from 'react'
import { columnsFor, pageAt, paginate, type WallLayout, type WallPage } from '../lib/paging'
import type { WallGroupOf } from '../lib/group-filter'
import { useElementSize } from './use-element-size'
import { WallTile } from './wall-tile'

/** Tile geometry in rem (the wall scales the root font size with the screen width). */
export const TILE_W_REM = 19
export const TILE_H_REM = 9
const GAP_REM = 0.75
const HEADER_REM = 2.5

/**
 * Splits the tiles into screens that fit the measured tile area and picks the one to show on
 * the wall's clock (no timer of its own).
 */
export function useWallPages(groups: WallGroupOf[], grouped: boolean, now: number, pageMs: number) {
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
  const pages = useMemo(() => (layout ? paginate(groups, layout) : []), [groups, layout])
  const index = pageAt(now, pageMs, pages.length)
  return {
    ref,
    page: pages[index] ?? [],
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
  cols,
  grouped,
  now,
  index,
  count,
}: {
  gridRef: React.RefObject<HTMLDivElement | null>
  page: WallPage
  cols: number
  grouped: boolean
  now: number
  index: number
  count: number
}) {
  return (
    <div
      ref={gridRef}
      className="min-h-0 flex-1 overflow-hidden"
      style={{ '--wall-tile-h': `${TILE_H_REM}rem` } as CSSProperties}
      data-testid="wall-grid"
      data-page={index + 1}
      data-pages={count}
    >
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
            className="grid gap-3"
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
