import { queryOptions, skipToken, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { apiRequest, parseBody } from '../client'
import { LIST_BACKSTOP_MS } from '../polling/poll-plan'
import { createResourcePoller } from '../polling/resource-poller'
import { feedInstanceSnapshot, feedIsLive } from '../polling/change-feed'
import { instanceKeys, type InstanceParams, type ScopeParams } from './keys'
import { fetchPagesAhead, pagePath } from './pagination'
import {
  instanceListSchema,
  instancePageSchema,
  instanceShowSchema,
  type Instance,
} from './schemas'
import { isTransitional } from './status'

/** Base poll interval while something moves (VITE_POLL_MS lets e2e poll faster). */
export const POLL_BASE_MS = Number(import.meta.env.VITE_POLL_MS) || 1000

/** Page size asked for; Trove caps it at its own max_limit and sends `next` links. */
export const LIST_PAGE_SIZE = 1000

/* ------------------------------------------------------------------- fetchers */

/**
 * Every instance, a page at a time: the next page is asked for before this one's rows are parsed.
 * `onPage` sees the rows so far after each page but the last.
 */
export async function fetchInstances(
  p: ScopeParams,
  signal?: AbortSignal,
  onPage?: (soFar: Instance[]) => void,
): Promise<Instance[]> {
  return fetchPagesAhead(
    async (params) => {
      const path = pagePath('/instances/detail', params)
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path,
        schema: instancePageSchema,
        signal,
      })
      return {
        count: data.instances.length,
        links: data.links,
        parse: () => parseBody(instanceListSchema, data, `GET ${path}`, 200).instances,
      }
    },
    { limit: LIST_PAGE_SIZE, onPage },
  )
}

export async function fetchInstance(p: InstanceParams, signal?: AbortSignal): Promise<Instance> {
  const { data } = await apiRequest({
    service: 'database',
    region: p.region,
    path: `/instances/${encodeURIComponent(p.id)}`,
    schema: instanceShowSchema,
    signal,
  })
  return data.instance
}

/* ------------------------------------------------ keeping list and detail in step */

/**
 * A list row written over a detail read: the list view lacks what only `GET /instances/{id}`
 * sends (the volume's `used`), which stays as the detail had it.
 */
export function mergeListRow(old: Instance, row: Instance): Instance {
  const merged = { ...old, ...row }
  if (old.volume && row.volume && row.volume.used === undefined && old.volume.used !== undefined) {
    merged.volume = { ...row.volume, used: old.volume.used }
  }
  return merged
}

/** Writes fresh list rows into the detail entries that exist (open detail pages stay live). */
function syncDetailsFromList(client: QueryClient, p: ScopeParams, list: Instance[]): void {
  const open = client.getQueryCache().findAll({ queryKey: instanceKeys.details(p) })
  if (open.length === 0) return
  const byId = new Map(list.map((i) => [i.id, i]))
  for (const q of open) {
    const id = q.queryKey[q.queryKey.length - 1]
    const row = typeof id === 'string' ? byId.get(id) : undefined
    if (row) {
      client.setQueryData<Instance>(q.queryKey, (old) => (old ? mergeListRow(old, row) : row))
    }
  }
}

/** The state the poller follows: status and operating status, or null once settled. */
export function movingInstanceState(i: Pick<Instance, 'status' | 'operating_status'>) {
  return isTransitional(i) ? `${i.status}/${i.operating_status ?? ''}` : null
}

/**
 * The instances poller of a scope: it reads each transitional instance (`GET /instances/{id}`)
 * at its own backoff and writes it into the list and the detail cache. See `resource-poller.ts`.
 */
export const instancePoller = createResourcePoller<Instance>({
  listKey: instanceKeys.list,
  detailKey: instanceKeys.detail,
  pollerKey: instanceKeys.poller,
  readDetail: (client, p) =>
    client.query({
      ...instanceQueryOptions(p),
      staleTime: 0,
      retry: false,
      meta: { silent: true },
    }),
  movingState: movingInstanceState,
  baseMs: POLL_BASE_MS,
  feedKind: 'instances',
})

/** Writes a fresh detail read into the cached list, if there is one (keeping its read time). */
export function patchListInstance(
  client: QueryClient,
  p: ScopeParams,
  id: string,
  patch: (old: Instance) => Instance,
): void {
  instancePoller.patchListRow(client, p, id, patch)
}

/** Records instances just read or written: the transitional ones are polled from now on. */
export function noteInstances(client: QueryClient, p: ScopeParams, instances: readonly Instance[]) {
  instancePoller.notePolled(client, p, instances)
}

/**
 * Keeps the scope's instance poller running while the calling component is mounted (the shell
 * mounts it for the signed-in scope). Idle, it sends nothing.
 */
export function useInstancePoller(p: ScopeParams): void {
  instancePoller.usePoller(p)
}

/** The Refresh button: re-reads the whole list now (its `dataUpdatedAt` is when it was read). */
export function useRefreshInstances(p: ScopeParams): () => Promise<void> {
  const client = useQueryClient()
  return () => client.refetchQueries({ queryKey: instanceKeys.list(p), exact: true })
}

/** `refetchInterval` of a list: the backstop, counted from the list's last full read. */
export function backstopMs(dataUpdatedAt: number, hasData: boolean, now: number): number | false {
  if (!hasData) return false
  return Math.max(1000, dataUpdatedAt + LIST_BACKSTOP_MS - now)
}

/* -------------------------------------------------------------------- options */

/**
 * Every instance of the project in the region: the console server's snapshot when its watcher
 * holds them all (one request), else `GET /instances/detail`, all pages. Read once, then on
 * Refresh and after a create or delete; the change feed writes every change (moving rows, rows
 * other clients created or deleted) into it. While the feed cannot be read, the list falls back
 * to a slow backstop (every `LIST_BACKSTOP_MS` while shown, on focus when older) and moving rows
 * to the poller's own reads.
 *
 * The first read of a scope also writes the rows read so far into `firstPagesQueryOptions` after
 * each page, so the list page can show the first rows at once; the list itself only ever holds a
 * complete read (other pages count and pick from it), and refetches replace it in one write.
 */
export const instancesQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: instanceKeys.list(p),
    queryFn: async ({ signal, client, queryKey }) => {
      const firstRead = client.getQueryData(queryKey) === undefined
      const firstPages = instanceKeys.firstPages(p)
      // Rows left from an earlier first read must not stand in for this one.
      if (firstRead) client.setQueryData<Instance[]>(firstPages, [])
      try {
        // A warm watcher has every row: one request, no page walk.
        const list =
          (await feedInstanceSnapshot(p, signal)) ??
          (await fetchInstances(
            p,
            signal,
            firstRead ? (soFar) => client.setQueryData(firstPages, soFar) : undefined,
          ))
        instancePoller.notePolled(client, p, list)
        syncDetailsFromList(client, p, list)
        // The partial rows stay until the list has data (clearing them first would flash the
        // skeleton); the page reads them only while the list has none.
        return list
      } catch (e) {
        if (firstRead) client.setQueryData<Instance[]>(firstPages, [])
        throw e
      }
    },
    // While the change feed keeps the list current, it is never stale and needs no backstop.
    staleTime: () => (feedIsLive(p) ? Infinity : LIST_BACKSTOP_MS),
    refetchInterval: (query) =>
      feedIsLive(p)
        ? false
        : backstopMs(query.state.dataUpdatedAt, query.state.data !== undefined, Date.now()),
    refetchIntervalInBackground: false,
  })

/**
 * One instance (`GET /instances/{id}`): read on first load (the list view lacks the volume's
 * usage), then fed by the poller and the list; it never polls by itself.
 */
export const instanceQueryOptions = (p: InstanceParams) =>
  queryOptions({
    queryKey: instanceKeys.detail(p),
    queryFn: async ({ signal, client }) => {
      const instance = await fetchInstance(p, signal)
      patchListInstance(client, p, p.id, (old) => ({ ...old, ...instance }))
      instancePoller.notePolled(client, p, [instance])
      return instance
    },
    staleTime: LIST_BACKSTOP_MS,
  })

/**
 * The rows a first read of the list has so far: written by the list's fetch, never fetched
 * itself; meaningful only while the list has no data.
 */
export const firstPagesQueryOptions = (p: ScopeParams) =>
  queryOptions<Instance[]>({
    queryKey: instanceKeys.firstPages(p),
    queryFn: skipToken,
    staleTime: Infinity,
  })
