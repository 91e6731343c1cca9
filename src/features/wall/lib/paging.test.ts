import { describe, expect, it } from 'vitest'
import { columnsFor, pageAt, pagesForScreen, paginate, planWall, type WallLayout } from './paging'
import type { WallGroupOf } from './group-filter'
import { emptyCounts } from './group-filter'
import { toWallItem } from './snapshot'

const group = (key: string, n: number): WallGroupOf => ({
  key,
  label: key,
  counts: emptyCounts(),
  items: Array.from({ length: n }, (_, i) =>
    toWallItem(
      { id: `${key}-${i}`, name: `${key}-${i}`, status: 'ACTIVE' },
      { region: 'R', projectId: 'p', projectName: (p) => p },
    ),
  ),
})

// 3 columns of 100 px tiles with 10 px gaps; 3 rows of 50 px tiles fit in 170 px.
const layout: WallLayout = {
  width: 320,
  height: 170,
  tileWidth: 100,
  tileHeight: 50,
  gap: 10,
  headerHeight: 0,
}

describe('paginate', () => {
  it('fills screens row by row', () => {
    expect(columnsFor(layout)).toBe(3)
    const pages = paginate([group('all', 20)], layout)
    expect(pages.map((p) => p[0]?.items.length)).toEqual([9, 9, 2])
    expect(pages[1]?.[0]?.continued).toBe(true)
  })

  it('puts group headings on the screen and continues a long group on the next', () => {
    const pages = paginate([group('a', 2), group('b', 7)], { ...layout, headerHeight: 20 })
    // Page 1: heading a (30) + 1 row (60) + heading b (30) + 1 row (60) = 180 <= 180.
    expect(pages.map((p) => p.map((s) => [s.label, s.items.length, s.continued]))).toEqual([
      [
        ['a', 2, false],
        ['b', 3, false],
      ],
      [['b', 4, true]],
    ])
  })

  it('always shows at least one row, and 10,000 tiles quickly', () => {
    expect(paginate([group('a', 5)], { ...layout, height: 10 }).length).toBe(2)
    const big = group('big', 10_000)
    const t0 = performance.now()
    const pages = paginate([big], { ...layout, width: 1900, height: 900 })
    expect(performance.now() - t0).toBeLessThan(200)
    expect(pages.reduce((n, p) => n + (p[0]?.items.length ?? 0), 0)).toBe(10_000)
  })

  it('turns pages on one clock', () => {
    expect(pageAt(0, 15_000, 3)).toBe(0)
    expect(pageAt(15_000, 15_000, 3)).toBe(1)
    expect(pageAt(45_000, 15_000, 3)).toBe(0)
    expect(pageAt(99_000, 15_000, 1)).toBe(0)
  })
})

describe('planWall: exceptions first', () => {
  const withErrors = (key: string, healthy: number, errors: number): WallGroupOf => {
    const g = group(key, healthy + errors)
    return {
      ...g,
      items: g.items.map((item, i) =>
        i < errors ? { ...item, health: 'error' as const, activity: 'Error' } : item,
      ),
    }
  }
  const isEx = (i: { health: string }) => i.health === 'error' || i.health === 'warning'

  it('shows everything on one page when it fits', () => {
    const plan = planWall([withErrors('a', 5, 1)], layout, isEx, 0)
    expect(plan.pages).toHaveLength(1)
    expect(plan.collapsed).toEqual([])
  })

  it('keeps the one error of 10,000 on screen, with the healthy tiles as counts, no turning', () => {
    const plan = planWall([withErrors('a', 5000, 0), withErrors('b', 4999, 1)], layout, isEx, 20)
    expect(plan.pages).toHaveLength(1)
    expect(plan.pages[0]?.flatMap((s) => s.items.map((i) => i.health))).toEqual(['error'])
    expect(plan.collapsed).toEqual([
      { key: 'a', label: 'a', count: 5000 },
      { key: 'b', label: 'b', count: 4999 },
    ])
  })

  it('turns pages only through exceptions that do not fit on one screen', () => {
    const plan = planWall([withErrors('a', 100, 12)], layout, isEx, 0)
    const healths = plan.pages.map((p) => p.flatMap((s) => s.items.map((i) => i.health)))
    expect(healths.map((h) => h.length)).toEqual([9, 3])
    expect(healths.flat().every((h) => h === 'error')).toBe(true)
    expect(plan.collapsed).toEqual([{ key: 'a', label: 'a', count: 100 }])
  })

  it('fills the space the exceptions leave when the rest fits there', () => {
    const plan = planWall([withErrors('a', 6, 4)], layout, isEx, 0)
    // 10 tiles do not fit in 9; but... 4 errors take 2 rows, 6 healthy need 2 more: counts.
    expect(plan.pages).toHaveLength(1)
    expect(plan.collapsed).toEqual([{ key: 'a', label: 'a', count: 6 }])
    const fits = planWall([withErrors('a', 3, 7)], { ...layout, height: 230 }, isEx, 0)
    expect(fits.pages[0]?.flatMap((s) => s.items).length).toBe(10)
    expect(fits.collapsed).toEqual([])
  })
})

describe('pagesForScreen', () => {
  it('deals the pages out to the screens of a split wall', () => {
    const pages = [1, 2, 3, 4, 5, 6, 7]
    expect(pagesForScreen(pages, { index: 1, of: 3 })).toEqual([1, 4, 7])
    expect(pagesForScreen(pages, { index: 3, of: 3 })).toEqual([3, 6])
    expect(pagesForScreen(pages, { index: 1, of: 1 })).toEqual(pages)
  })
})
