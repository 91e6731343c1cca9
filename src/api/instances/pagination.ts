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

/**
 * Requests pages until the cloud stops sending a `next` link. Stops as well on an empty page or a
 * marker seen before (a cloud that loops would otherwise keep the browser busy forever), and after
 * `maxPages` pages.
 */
export async function fetchAllPages<T>(
  fetchPage: (params: PageParams) => Promise<Page<T>>,
  opts: { limit: number; maxPages?: number },
): Promise<T[]> {
  const all: T[] = []
  const seen = new Set<string>()
  let params: PageParams = { limit: opts.limit }
  const maxPages = opts.maxPages ?? 1000
  for (let page = 0; page < maxPages; page++) {
    const { items, links } = await fetchPage(params)
    all.push(...items)
    const next = nextPageParams(links)
    if (!next?.marker || items.length === 0 || seen.has(next.marker)) break
    seen.add(next.marker)
    params = { limit: next.limit ?? opts.limit, marker: next.marker }
  }
  return all
}
