import { describe, expect, it } from 'vitest'
import {
  fetchAllPages,
  fetchPagesAhead,
  nextPageParams,
  pagePath,
  type PageParams,
} from './pagination'

describe('nextPageParams', () => {
  it('reads marker and limit from an absolute Trove next link', () => {
    expect(
      nextPageParams([
        { rel: 'self', href: 'https://x/v1.0/p/instances' },
        {
          rel: 'next',
          href: 'https://127.0.0.1:8779/v1.0/2500/instances?limit=2&marker=8a8e7d20-33f4',
        },
      ]),
    ).toEqual({ marker: '8a8e7d20-33f4', limit: 2 })
  })
  it('reads a relative link and a link without limit', () => {
    expect(nextPageParams([{ rel: 'next', href: '/gw/other/path?marker=m1' }])).toEqual({
      marker: 'm1',
    })
  })
  it('returns null without links, without a next link, or without a marker', () => {
    expect(nextPageParams(undefined)).toBeNull()
    expect(nextPageParams([])).toBeNull()
    expect(nextPageParams([{ rel: 'self', href: '/x?marker=a' }])).toBeNull()
    expect(nextPageParams([{ rel: 'next', href: '/x?limit=5' }])).toBeNull()
  })
  it('ignores a nonsense limit', () => {
    expect(nextPageParams([{ rel: 'next', href: '/x?marker=a&limit=abc' }])).toEqual({
      marker: 'a',
    })
    expect(nextPageParams([{ rel: 'next', href: '/x?marker=a&limit=0' }])).toEqual({
      marker: 'a',
    })
  })
  it('decodes an encoded marker', () => {
    expect(nextPageParams([{ rel: 'next', href: '/x?marker=a%20b&limit=3' }])).toEqual({
      marker: 'a b',
      limit: 3,
    })
  })
})

describe('pagePath', () => {
  it('builds the query', () => {
    expect(pagePath('/instances/detail', { limit: 1000 })).toBe('/instances/detail?limit=1000')
    expect(pagePath('/instances/detail', { limit: 10, marker: 'a b' })).toBe(
      '/instances/detail?limit=10&marker=a+b',
    )
    expect(pagePath('/instances', {})).toBe('/instances')
    expect(pagePath('/x?y=1', { marker: 'm' })).toBe('/x?y=1&marker=m')
  })
})

describe('fetchAllPages', () => {
  const pages: Record<string, { items: number[]; next?: string }> = {
    '': { items: [1, 2], next: 'https://elsewhere/v1.0/p/instances?limit=2&marker=2' },
    '2': { items: [3, 4], next: 'https://elsewhere/v1.0/p/instances?limit=2&marker=4' },
    '4': { items: [5] },
  }
  it('follows next links until the last page', async () => {
    const calls: PageParams[] = []
    const all = await fetchAllPages(
      async (p) => {
        calls.push(p)
        const page = pages[p.marker ?? '']!
        return { items: page.items, links: page.next ? [{ rel: 'next', href: page.next }] : [] }
      },
      { limit: 2 },
    )
    expect(all).toEqual([1, 2, 3, 4, 5])
    expect(calls).toEqual([{ limit: 2 }, { limit: 2, marker: '2' }, { limit: 2, marker: '4' }])
  })
  it('stops on a repeated marker and on an empty page', async () => {
    let n = 0
    const looped = await fetchAllPages(
      async () => {
        n++
        return { items: [n], links: [{ rel: 'next', href: '/x?marker=same' }] }
      },
      { limit: 1 },
    )
    expect(looped).toEqual([1, 2])
    const empty = await fetchAllPages(
      async () => ({ items: [], links: [{ rel: 'next', href: '/x?marker=m' }] }),
      { limit: 1 },
    )
    expect(empty).toEqual([])
  })
  it('stops after maxPages', async () => {
    let n = 0
    const all = await fetchAllPages(
      async () => {
        n++
        return { items: [n], links: [{ rel: 'next', href: `/x?marker=${n}` }] }
      },
      { limit: 1, maxPages: 3 },
    )
    expect(all).toEqual([1, 2, 3])
  })
})

describe('fetchPagesAhead', () => {
  const link = (marker: string) => [{ rel: 'next', href: `/x?limit=2&marker=${marker}` }]

  it('asks for the next page before parsing the current one, and reports the rows so far', async () => {
    const events: string[] = []
    const soFar: number[][] = []
    const pages: Record<string, { items: number[]; next?: string }> = {
      '': { items: [1, 2], next: 'a' },
      a: { items: [3, 4], next: 'b' },
      b: { items: [5] },
    }
    const all = await fetchPagesAhead(
      async (p) => {
        const key = p.marker ?? ''
        events.push(`fetch ${key}`)
        const page = pages[key]!
        return {
          count: page.items.length,
          links: page.next ? link(page.next) : undefined,
          parse: () => {
            events.push(`parse ${key}`)
            return page.items
          },
        }
      },
      { limit: 2, onPage: (rows) => soFar.push(rows) },
    )
    expect(all).toEqual([1, 2, 3, 4, 5])
    expect(events).toEqual(['fetch ', 'fetch a', 'parse ', 'fetch b', 'parse a', 'parse b'])
    // After every page but the last, as copies (later pages do not change what was reported).
    expect(soFar).toEqual([
      [1, 2],
      [1, 2, 3, 4],
    ])
  })

  it('fails with the parse error, and a failing next page does not go unhandled', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (e: unknown) => unhandled.push(e)
    process.on('unhandledRejection', onUnhandled)
    try {
      await expect(
        fetchPagesAhead(
          async (p) => {
            if (p.marker) throw new Error('page 2 failed')
            return {
              count: 1,
              links: link('m'),
              parse: () => {
                throw new Error('page 1 is invalid')
              },
            }
          },
          { limit: 1 },
        ),
      ).rejects.toThrow('page 1 is invalid')
      await new Promise((r) => setTimeout(r, 10))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('fails with a later page’s error', async () => {
    await expect(
      fetchPagesAhead(
        async (p) => {
          if (p.marker) throw new Error('page 2 failed')
          return { count: 1, links: link('m'), parse: () => [1] }
        },
        { limit: 1 },
      ),
    ).rejects.toThrow('page 2 failed')
  })
})
