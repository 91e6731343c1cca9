import {
  isCancelledError,
  queryOptions,
  useQuery,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { ApiError } from '../errors'
import type { FeedKind } from '../feed/schemas'
import type { ScopeParams } from '../instances/keys'
import { registerFeedSink, useChangeFeed, type FeedChanges } from './change-feed'
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
 * One poller per resource list and scope (project + region). It reads the console server's change
 * feed (`change-feed.ts`: one request per interval for the whole scope, whatever moves) and writes
 * each changed row into the list cache and the detail cache; no detail query polls on its own,
 * and the list is re-read only on Refresh and after a create or delete (the feed also brings rows
 * other clients created or deleted).
 *
 * Fallback, while the feed cannot be read (an older console server, an outage): the poller's own
 * round, a query (`pollerKey`) whose data is what it follows (`PollEntries`), whose fetch reads
 * each moving resource by itself (`GET /{resource}/{id}`, backing off as the transition lasts),
 * and whose `refetchInterval` is when the next read is due; the lists then keep their backstop.
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
  /** Which rows of the change feed are this resource's. */
  feedKind: FeedKind
  /** A feed row written over a cached one (default: the row's fields over the old ones). */
  mergeRow?: (old: T, row: T) => T
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
  /** Keeps the scope's change feed (or, while it is down, the poller's rounds) running while mounted. */
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
    const feedLive = useChangeFeed(p)
    // The fallback round, observed for its timer only: the component never re-renders for it.
    useQuery({ ...pollerOptions(client, p), enabled: !feedLive, notifyOnChangeProps: [] })
  }

  const merge = r.mergeRow ?? ((old: T, row: T): T => ({ ...old, ...row }))

  /** Writes a feed answer's rows of this kind into the list and the open details. */
  function applyFeed(client: QueryClient, p: ScopeParams, c: FeedChanges<T>, reset: boolean) {
    const rows = [...(c.created ?? []), ...(c.changed ?? [])]
    const byId = new Map(rows.map((row) => [row.id, row]))
    const gone = new Set(c.deleted ?? [])
    setList(client, p, (list) => {
      if (reset) {
        const old = new Map(list.map((row) => [row.id, row]))
        return rows.map((row) => {
          const before = old.get(row.id)
          return before ? merge(before, row) : row
        })
      }
      const seen = new Set<string>()
      const next: T[] = []
      for (const row of list) {
        if (gone.has(row.id)) continue
        const fresh = byId.get(row.id)
        if (fresh) seen.add(row.id)
        next.push(fresh ? merge(row, fresh) : row)
      }
      // New rows (created elsewhere too) join the list; its pages sort them.
      for (const row of rows) if (!seen.has(row.id)) next.push(row)
      return next
    })
    for (const row of rows) {
      const key = r.detailKey({ ...p, id: row.id })
      if (client.getQueryData(key) !== undefined)
        client.setQueryData<T>(key, (old) => (old ? merge(old, row) : row))
    }
    for (const id of gone) {
      const key = r.detailKey({ ...p, id })
      // An open detail finds out itself (404: "not found"); nothing else reads it again.
      if (client.getQueryData(key) !== undefined) void client.invalidateQueries({ queryKey: key })
    }
    notePolled(client, p, rows)
    if (gone.size > 0)
      client.setQueryData<PollEntries>(r.pollerKey(p), (e) => forgetIds(e ?? NO_ENTRIES, gone))
  }

  registerFeedSink<T>(r.feedKind, {
    apply: applyFeed,
    invalidate: (client, p) =>
      void client.invalidateQueries({ queryKey: r.listKey(p), exact: true }),
  })

  return { notePolled, patchListRow, removeListRow, pollerOptions, usePoller }
}
