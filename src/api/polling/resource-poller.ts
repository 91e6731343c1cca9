import {
  isCancelledError,
  queryOptions,
  useQuery,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { ApiError } from '../errors'
import type { ScopeParams } from '../instances/keys'
import {
  dueIds,
  forgetIds,
  nextRoundMs,
  NO_ENTRIES,
  recordFailures,
  recordSightings,
  type PollEntries,
  type Sighting,
} from './poll-plan'

/**
 * One poller per resource list and scope (project + region). It follows each moving resource by
 * itself (one `GET /{resource}/{id}` per resource per interval, the interval backing off as the
 * transition lasts), and writes each read into the list cache and the detail cache; no detail
 * query polls on its own, and the list is re-read only as a slow backstop (`LIST_BACKSTOP_MS`
 * while shown, on Refresh, focus after a long hide, create/delete).
 *
 * The poller is a query (`pollerKey`): its data is what it follows (`PollEntries`), its fetch is
 * one poll round, its `refetchInterval` when the next read is due. So there is at most one round
 * in flight per scope, rounds pause in hidden tabs, and nothing polls when nothing moves. A later
 * change feed can replace the round (one request for the whole scope) behind the same interface:
 * `notePolled`, `usePoller`, and the list and detail caches it writes.
 */
export interface PolledResource<T extends { id: string }> {
  listKey: (p: ScopeParams) => QueryKey
  detailKey: (p: ScopeParams & { id: string }) => QueryKey
  pollerKey: (p: ScopeParams) => QueryKey
  /**
   * One read through the detail query (`client.query({ ...detailOptions, staleTime: 0 })`): its
   * fetch writes the list row and notes the sighting, and a read already in flight for the same
   * resource (a detail page's first load) is shared, not repeated.
   */
  readDetail: (client: QueryClient, p: ScopeParams & { id: string }) => Promise<T>
  /** The transitional state to follow, or null when the resource has settled. */
  movingState: (item: T) => string | null
  /** Base poll interval (ms). */
  baseMs: number
}

export interface ResourcePoller<T extends { id: string }> {
  /** Records resources just read or written, so moving ones are followed from now on. */
  notePolled: (client: QueryClient, p: ScopeParams, items: readonly T[], at?: number) => void
  /** Writes a fresh read into the cached list row, keeping the list's own read time. */
  patchListRow: (client: QueryClient, p: ScopeParams, id: string, patch: (old: T) => T) => void
  /** Drops a resource that is gone from the cached list (keeping the list's read time). */
  removeListRow: (client: QueryClient, p: ScopeParams, id: string) => void
  /** The poll round query; `usePoller` observes it. */
  pollerOptions: (client: QueryClient, p: ScopeParams) => ReturnType<typeof pollerQueryOptions>
  /** Keeps the scope's poller running while the calling component is mounted. */
  usePoller: (p: ScopeParams) => void
}

function pollerQueryOptions(
  key: QueryKey,
  round: (signal: AbortSignal) => Promise<PollEntries>,
  next: (entries: PollEntries) => number | false,
) {
  return queryOptions<PollEntries>({
    queryKey: key,
    queryFn: ({ signal }) => round(signal),
    refetchInterval: (query) => next(query.state.data ?? NO_ENTRIES),
    refetchIntervalInBackground: false,
    staleTime: 0,
    // A round that fails is the next round's job; the reads report their own errors.
    retry: false,
    meta: { silent: true },
  })
}

export function createResourcePoller<T extends { id: string }>(
  r: PolledResource<T>,
): ResourcePoller<T> {
  const entriesOf = (client: QueryClient, p: ScopeParams): PollEntries =>
    client.getQueryData<PollEntries>(r.pollerKey(p)) ?? NO_ENTRIES

  function notePolled(client: QueryClient, p: ScopeParams, items: readonly T[], at = Date.now()) {
    const sightings: Sighting[] = items.map((i) => ({ id: i.id, state: r.movingState(i) }))
    const old = entriesOf(client, p)
    const next = recordSightings(old, sightings, at)
    if (next !== old) client.setQueryData<PollEntries>(r.pollerKey(p), next)
  }

  function setList(client: QueryClient, p: ScopeParams, update: (list: T[]) => T[]) {
    const key = r.listKey(p)
    const query = client.getQueryCache().find<T[]>({ queryKey: key, exact: true })
    if (query?.state.data === undefined) return
    // The list's read time stays the time of its last full read: the backstop and "read 2 min
    // ago" count from that, not from a row the poller refreshed.
    client.setQueryData<T[]>(key, update(query.state.data), {
      updatedAt: query.state.dataUpdatedAt,
    })
  }

  const patchListRow: ResourcePoller<T>['patchListRow'] = (client, p, id, patch) =>
    setList(client, p, (list) => list.map((row) => (row.id === id ? patch(row) : row)))
  const removeListRow: ResourcePoller<T>['removeListRow'] = (client, p, id) =>
    setList(client, p, (list) => list.filter((row) => row.id !== id))

  /** Shown = the list has a viewer, or this resource's detail has one (page, task tray). */
  function shownIn(client: QueryClient, p: ScopeParams): (id: string) => boolean {
    const cache = client.getQueryCache()
    const listShown =
      (cache.find({ queryKey: r.listKey(p), exact: true })?.getObserversCount() ?? 0) > 0
    return (id) =>
      listShown ||
      (cache.find({ queryKey: r.detailKey({ ...p, id }), exact: true })?.getObserversCount() ?? 0) >
        0
  }

  /** Ids no cache holds any more (the list was re-read without them, the detail was dropped). */
  function uncached(client: QueryClient, p: ScopeParams, entries: PollEntries): string[] {
    const ids = Object.keys(entries)
    if (ids.length === 0) return ids
    const listed = new Set(client.getQueryData<T[]>(r.listKey(p))?.map((i) => i.id) ?? [])
    return ids.filter(
      (id) => !listed.has(id) && client.getQueryData(r.detailKey({ ...p, id })) === undefined,
    )
  }

  type ReadResult =
    { id: string; item: T } | { id: string; gone: true } | { id: string; failed: true }

  async function readOne(
    client: QueryClient,
    p: ScopeParams,
    id: string,
  ): Promise<ReadResult | null> {
    try {
      return { id, item: await r.readDetail(client, { ...p, id }) }
    } catch (e) {
      if (isCancelledError(e)) return null
      if (e instanceof ApiError && e.kind === 'not-found') {
        removeListRow(client, p, id)
        return { id, gone: true }
      }
      return { id, failed: true }
    }
  }

  async function round(client: QueryClient, p: ScopeParams, signal: AbortSignal) {
    const started = Date.now()
    const entries = entriesOf(client, p)
    const before = forgetIds(entries, uncached(client, p, entries))
    const due = dueIds(before, started, r.baseMs, { shown: shownIn(client, p) })
    const results: ReadResult[] = []
    // One by one: a round is a handful of small reads, never a burst.
    for (const id of due) {
      if (signal.aborted) break
      const result = await readOne(client, p, id)
      if (result) results.push(result)
    }
    // Entries noted while the round ran (an action, a list read) are kept.
    const latest = entriesOf(client, p)
    const sightings: Sighting[] = []
    const gone: string[] = []
    const failed: string[] = []
    for (const res of results) {
      if ('gone' in res) gone.push(res.id)
      else if ('item' in res) sightings.push({ id: res.id, state: r.movingState(res.item) })
      // A failed read waits longer each time (1 s, 2 s, 4 s, 8 s): no hammering an outage.
      else failed.push(res.id)
    }
    const after = recordFailures(recordSightings(latest, sightings, started), failed, started)
    return forgetIds(forgetIds(after, gone), uncached(client, p, after))
  }

  function pollerOptions(client: QueryClient, p: ScopeParams) {
    return pollerQueryOptions(
      r.pollerKey(p),
      (signal) => round(client, p, signal),
      (entries) => nextRoundMs(entries, Date.now(), r.baseMs, shownIn(client, p)),
    )
  }

  function usePoller(p: ScopeParams) {
    const client = useQueryClient()
    // Observed for its timer only: the component never re-renders for it.
    useQuery({ ...pollerOptions(client, p), notifyOnChangeProps: [] })
  }

  return { notePolled, patchListRow, removeListRow, pollerOptions, usePoller }
}
