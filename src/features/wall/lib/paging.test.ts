import { describe, expect, it } from 'vitest'
import { columnsFor, pageAt, paginate, type WallLayout } from './paging'
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
