import {
  isCancelledError,
  onlineManager,
  queryOptions,
  useQuery,
  type QueryClient,
} from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import * as z from 'zod/mini'
import { apiRequest } from '../client'
import { ApiError } from '../errors'
import {
  FEED_KINDS,
  FEED_PATH,
  feedResponseSchema,
  type FeedKind,
  type FeedResponse,
} from '../feed/schemas'
import type { ScopeParams } from '../instances/keys'
import {
  createInstanceRowParser,
  instanceSnapshotSchema,
  type InstanceRowParser,
} from '../instances/list-row'
import type { Instance } from '../instances/schemas'

/**
 * The SPA's reading of the console server's change feed (`GET /console-api/v1/feed`): one small
 * request per interval for the whole scope (project + region), however many rows move and however
 * large the project; the console server's watcher is what reads the cloud, once for all viewers.
 * Each answer's rows are written into the cached lists and details by the sinks the resource
 * pollers register (`registerFeedSink`), so pages, the task tray and the wall read the caches
 * they always read.
 */

/** One feed request per interval (VITE_FEED_MS lets e2e read faster). */
export const FEED_INTERVAL_MS = Number(import.meta.env.VITE_FEED_MS) || 2000

/**
 * The interval while the page is hidden: a wall on a second screen or a tab left open behind
 * another window is still looked at, so the feed keeps reading, five times slower (a quiet answer
 * is ~50 bytes); when the page shows again the query refetches at once (TanStack's focus refetch
 * on `visibilitychange`: the feed is always stale).
 */
export const FEED_HIDDEN_INTERVAL_MS = FEED_INTERVAL_MS * 5

/** The feed's next request: slower while the feed cannot be read or the page is hidden. */
export function feedIntervalMs(live: boolean | undefined, hidden: boolean): number {
  return live === false || hidden ? FEED_HIDDEN_INTERVAL_MS : FEED_INTERVAL_MS
}

const pageHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'

export const feedKeys = {
  all: ['feed'] as const,
  scope: (p: ScopeParams) => [...feedKeys.all, p.projectId, p.region] as const,
}

/** A kind's changes as the feed sends them. */
export interface FeedChanges<T> {
  created?: T[]
  changed?: T[]
  deleted?: string[]
}

/** Writes one kind's changes into the caches of a scope. */
export interface FeedSink<T> {
  /** `reset`: `created` holds every row (cached rows not in it are gone). */
  apply(client: QueryClient, p: ScopeParams, changes: FeedChanges<T>, reset: boolean): void
  /** The feed could not give this kind's rows (not warm after a reset): re-read the list. */
  invalidate(client: QueryClient, p: ScopeParams): void
}

const sinks = new Map<FeedKind, FeedSink<never>>()

/** The resource pollers register where each kind's rows go (`resource-poller.ts`). */
export function registerFeedSink<T>(kind: FeedKind, sink: FeedSink<T>): void {
  // A sink of T is handed only the rows the feed's schema parsed for its kind.
  sinks.set(kind, sink as FeedSink<never>)
}

/** What the feed query holds: where the reader is, and which kinds the watcher has in full. */
export interface FeedState {
  cursor: string | null
  warm: readonly FeedKind[]
  /** False while the feed cannot be read (older server, outage): the pollers' own reads take over. */
  live: boolean
  /** When an answer last brought a change of each kind (ms since the epoch; resets do not count). */
  changedAt: Partial<Record<FeedKind, number>>
}

const scopeId = (p: ScopeParams) => `${p.projectId}\u0000${p.region}`
/** Scopes whose feed answered its last request (module-wide: read by list options, no client). */
const liveScopes = new Set<string>()

/** Whether the scope's feed is keeping its lists current (then lists need no backstop of their own). */
export function feedIsLive(p: ScopeParams): boolean {
  return liveScopes.has(scopeId(p))
}

function feedUrl(p: ScopeParams, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams({ region: p.region, projectId: p.projectId })
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v)
  return `${FEED_PATH}?${q.toString()}`
}

export async function fetchFeed(
  p: ScopeParams,
  params: { cursor?: string; snapshot?: boolean; kinds?: FeedKind[]; wait?: number },
  signal?: AbortSignal,
): Promise<FeedResponse> {
  const { data } = await apiRequest({
    service: 'database',
    region: p.region,
    path: FEED_PATH,
    url: feedUrl(p, {
      cursor: params.cursor,
      snapshot: params.snapshot ? '1' : undefined,
      kinds: params.kinds?.join(','),
      wait: params.wait === undefined ? undefined : String(params.wait),
    }),
    schema: feedResponseSchema,
    signal,
  })
  return data
}

/**
 * `read()`, or null when the feed cannot be read (the list is then read page by page, where the
 * full schema names what is wrong); a cancelled read and an expired session still throw.
 */
async function unlessUnreadable<T>(read: () => Promise<T | null>): Promise<T | null> {
  try {
    return await read()
  } catch (e) {
    if (isCancelledError(e) || (e instanceof DOMException && e.name === 'AbortError')) throw e
    if (e instanceof ApiError && e.kind === 'session-expired') throw e
    return null
  }
}

/**
 * All rows of `kind` from the watcher's snapshot (one request, no page walk), or null when the
 * watcher does not hold them yet (cold project: read the list page by page) or the feed cannot
 * be read.
 */
export function feedSnapshot<K extends FeedKind>(
  p: ScopeParams,
  kind: K,
  signal?: AbortSignal,
): Promise<NonNullable<NonNullable<FeedResponse[K]>['created']> | null> {
  return unlessUnreadable(async () => {
    const res = await fetchFeed(p, { snapshot: true, kinds: [kind] }, signal)
    if (!res.warm.includes(kind)) return null
    return (res[kind]?.created ?? []) as NonNullable<NonNullable<FeedResponse[K]>['created']>
  })
}

/** Each scope's instance rows as last parsed: a re-read parses only the rows that changed. */
const rowParsers = new Map<string, InstanceRowParser>()
/** The snapshot's body as JSON gave it: its envelope and rows are parsed below (zod/mini). */
const jsonBody = z.unknown()

/**
 * Every instance from the watcher's snapshot, or null as `feedSnapshot`. The rows are parsed one
 * by one with the list-row schema, each once per content (`list-row.ts`); a snapshot that does
 * not match, or a bad row (`ListRowError`), is null too: the list is then read page by page.
 */
export function feedInstanceSnapshot(
  p: ScopeParams,
  signal?: AbortSignal,
): Promise<Instance[] | null> {
  return unlessUnreadable(async () => {
    const { data: body } = await apiRequest({
      service: 'database',
      region: p.region,
      path: FEED_PATH,
      url: feedUrl(p, { snapshot: '1', kinds: 'instances' }),
      schema: jsonBody,
      signal,
    })
    const envelope = instanceSnapshotSchema.safeParse(body)
    if (!envelope.success || !envelope.data.warm.includes('instances')) return null
    let parser = rowParsers.get(scopeId(p))
    if (!parser) rowParsers.set(scopeId(p), (parser = createInstanceRowParser()))
    return parser.parse(envelope.data.instances?.created ?? [], 'instances.created')
  })
}

/** Writes a feed answer into the caches. */
export function applyFeed(client: QueryClient, p: ScopeParams, res: FeedResponse): void {
  const reset = res.reset === true
  for (const kind of ['instances', 'backups'] as const) {
    const sink = sinks.get(kind)
    if (!sink) continue
    const changes = res[kind] as FeedChanges<never> | undefined
    if (reset && !res.warm.includes(kind)) sink.invalidate(client, p)
    else if (changes) sink.apply(client, p, changes, reset)
  }
}

const NO_CHANGES: FeedState['changedAt'] = {}

/** `changedAt` after an answer: the kinds it brought created, changed or deleted rows of. */
export function noteChanges(
  changedAt: FeedState['changedAt'],
  res: FeedResponse,
  at: number,
): FeedState['changedAt'] {
  // A reset re-sends every row: it says nothing about when something last changed.
  if (res.reset === true) return changedAt
  let next = changedAt
  for (const kind of FEED_KINDS) {
    const c = res[kind]
    const count = (c?.created?.length ?? 0) + (c?.changed?.length ?? 0) + (c?.deleted?.length ?? 0)
    if (count > 0) next = { ...next, [kind]: at }
  }
  return next
}

async function readFeed(client: QueryClient, p: ScopeParams, signal: AbortSignal) {
  const key = feedKeys.scope(p)
  const before = client.getQueryData<FeedState>(key)
  const changedAt = before?.changedAt ?? NO_CHANGES
  try {
    const res = await fetchFeed(p, { cursor: before?.cursor ?? undefined }, signal)
    // The first answer (no cursor) only says where the feed is: the lists are read by themselves.
    if (before?.cursor) applyFeed(client, p, res)
    liveScopes.add(scopeId(p))
    return {
      cursor: res.cursor,
      warm: res.warm,
      live: true,
      changedAt: before?.cursor ? noteChanges(changedAt, res, Date.now()) : changedAt,
    } satisfies FeedState
  } catch (e) {
    if (isCancelledError(e) || (e instanceof DOMException && e.name === 'AbortError')) throw e
    liveScopes.delete(scopeId(p))
    if (e instanceof ApiError && e.kind === 'session-expired') throw e
    return { cursor: before?.cursor ?? null, warm: before?.warm ?? [], live: false, changedAt }
  }
}

/** The feed of a scope as a query: its data is the cursor, its fetch one feed request. */
export const changeFeedOptions = (p: ScopeParams) =>
  queryOptions<FeedState>({
    queryKey: feedKeys.scope(p),
    queryFn: ({ signal, client }) => readFeed(client, p, signal),
    refetchInterval: (query) => feedIntervalMs(query.state.data?.live, pageHidden()),
    // Hidden pages keep reading (slower): a background tab or a wall must not freeze.
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
    gcTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  })

/**
 * Keeps the scope's change feed running while the calling component is mounted (the shell does,
 * for the signed-in scope; the wall can too). Several callers share one query: one request per
 * interval. Returns whether the feed is live (false: it cannot be read, the pollers' own reads
 * take over).
 */
export function useChangeFeed(p: ScopeParams): boolean {
  const { data: live } = useQuery({
    ...changeFeedOptions(p),
    select: (d) => d.live,
    notifyOnChangeProps: ['data'],
  })
  return live !== false
}

/** Whether the feed keeps a kind's list current, and when it last brought a change of that kind. */
export interface FeedFreshness {
  /** The feed answered its last request and its watcher holds every row of the kind. */
  live: boolean
  changedAt: number | undefined
}

/** Whether the browser is online, as TanStack Query sees it (offline, queries pause unsent). */
function useOnline(): boolean {
  return useSyncExternalStore(
    (onChange) => onlineManager.subscribe(onChange),
    () => onlineManager.isOnline(),
    () => true,
  )
}

/**
 * The scope's feed as a list's freshness label sees it (the same query as `useChangeFeed`: no
 * request of its own). Not live until the feed's first answer, while it cannot be read, nor while
 * the browser is offline (the feed's requests then wait unsent: its last answer stays "live").
 */
export function useFeedFreshness(p: ScopeParams, kind: FeedKind): FeedFreshness {
  const online = useOnline()
  const { data } = useQuery({
    ...changeFeedOptions(p),
    // It only reads the cache: as an enabled observer it fetched when a page mounted it (a feed
    // request ~1 s after the shell's) and polled on a timer of its own beside the shell's.
    enabled: false,
    select: (d): FeedFreshness => ({
      live: d.live && d.warm.includes(kind),
      changedAt: d.changedAt[kind],
    }),
  })
  return { live: online && data?.live === true, changedAt: data?.changedAt }
}
