import type { Link } from '../common/schemas'

export interface PageParams {
  limit?: number
  marker?: string
}

/**
 * The `marker` and `limit` of a list's `next` link, or null on the last page. Only the query is
 * read: the link's host and path are the cloud's view of itself (https hard-coded by Trove, a
 * gateway's internal path), so the next page is requested against our own catalog base.
 */
export function nextPageParams(links: readonly Link[] | undefined): PageParams | null {
  const next = links?.find((l) => l.rel === 'next')
  if (!next) return null
  let url: URL
  try {
    url = new URL(next.href, 'http://placeholder.invalid')
  } catch {
    return null
  }
  const marker = url.searchParams.get('marker')
  if (!marker) return null
  const limitText = url.searchParams.get('limit')
  const limit = limitText !== null && /^\d+$/.test(limitText) ? Number(limitText) : undefined
  return limit !== undefined && limit > 0 ? { marker, limit } : { marker }
}

/** `path` with `limit`/`marker` as its query, e.g. `/instances/detail?limit=1000&marker=abc`. */
export function pagePath(path: string, params: PageParams): string {
  const q = new URLSearchParams()
  if (params.limit !== undefined) q.set('limit', String(params.limit))
  if (params.marker !== undefined) q.set('marker', params.marker)
  const s = q.toString()
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path
}

export interface Page<T> {
  items: T[]
  links?: Link[] | undefined
}

/** A page read but not parsed yet: its items are parsed while the next page is on its way. */
export interface RawPage<T> {
  /** How many items the page holds (known before they are parsed). */
  count: number
  links?: Link[] | undefined
  parse: () => T[]
}

export interface FetchPagesOptions<T> {
  limit: number
  maxPages?: number
  /** Called with a copy of the items so far after every page but the last. */
  onPage?: (soFar: T[]) => void
}

/**
 * Requests pages until the cloud stops sending a `next` link. Stops as well on an empty page or a
 * marker seen before (a cloud that loops would otherwise keep the browser busy forever), and after
 * `maxPages` pages.
 */
export async function fetchAllPages<T>(
  fetchPage: (params: PageParams) => Promise<Page<T>>,
  opts: FetchPagesOptions<T>,
): Promise<T[]> {
  return fetchPagesAhead(async (params) => {
    const { items, links } = await fetchPage(params)
    return { count: items.length, links, parse: () => items }
  }, opts)
}

/**
 * fetchAllPages for pages whose parsing costs time: the next page is requested as soon as the
 * current one's `next` link is read, and the current one is parsed while the cloud prepares the
 * next. Markers chain the pages, so they cannot be asked for all at once.
 */
export async function fetchPagesAhead<T>(
  fetchPage: (params: PageParams) => Promise<RawPage<T>>,
  opts: FetchPagesOptions<T>,
): Promise<T[]> {
  const all: T[] = []
  const seen = new Set<string>()
  const maxPages = opts.maxPages ?? 1000
  let pending: Promise<RawPage<T>> | null = fetchPage({ limit: opts.limit })
  for (let page = 1; pending; page++) {
    const current: RawPage<T> = await pending
    pending = null
    const next = nextPageParams(current.links)
    if (next?.marker && current.count > 0 && !seen.has(next.marker) && page < maxPages) {
      seen.add(next.marker)
      pending = fetchPage({ limit: next.limit ?? opts.limit, marker: next.marker })
      // Should parsing this page throw, the next page's own failure is of no interest.
      pending.catch(() => undefined)
    }
    for (const item of current.parse()) all.push(item)
    if (pending) opts.onPage?.(all.slice())
  }
  return all
}
