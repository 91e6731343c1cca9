import { queryOptions, skipToken, type QueryClient } from '@tanstack/react-query'
import { apiRequest, parseBody } from '../client'
import { instanceKeys, type InstanceParams, type ScopeParams } from './keys'
import { fetchPagesAhead, pagePath } from './pagination'
import {
  instanceListSchema,
  instancePageSchema,
  instanceShowSchema,
  type Instance,
} from './schemas'
import { instancePollMs, isTransitional, listPollMs } from './status'

/** Base poll interval while something moves (VITE_POLL_MS lets e2e poll faster). */
export const POLL_BASE_MS = Number(import.meta.env.VITE_POLL_MS) || 1000

/** Page size asked for; Trove caps it at its own max_limit and sends `next` links. */
export const LIST_PAGE_SIZE = 1000

/* ------------------------------------------------ when did each transition start */

// When this tab first saw each instance in its current transitional state. Measured on the
// client so clock skew with the cloud cannot make polling too fast or too slow; a new state
// (BUILD -> ACTIVE/"" -> ...) restarts the clock, as Horizon's poller resets on change.
const transitions = new Map<string, { state: string; since: number }>()

function stateOf(i: Pick<Instance, 'status' | 'operating_status'>): string {
  return `${i.status}/${i.operating_status ?? ''}`
}

/** Records the state of instances just read or written; forgets the settled ones. */
export function observeTransitions(instances: readonly Instance[], now: number): void {
  for (const i of instances) {
    if (!isTransitional(i)) {
      transitions.delete(i.id)
      continue
    }
    const state = stateOf(i)
    const seen = transitions.get(i.id)
    if (!seen || seen.state !== state) transitions.set(i.id, { state, since: now })
  }
}

function transitionSince(i: Instance): number | undefined {
  const seen = transitions.get(i.id)
  return seen && seen.state === stateOf(i) ? seen.since : undefined
}

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

/** Writes fresh list rows into the detail entries that exist (open detail pages stay live). */
function syncDetailsFromList(client: QueryClient, p: ScopeParams, list: Instance[]): void {
  const open = client.getQueryCache().findAll({ queryKey: instanceKeys.details(p) })
  if (open.length === 0) return
  const byId = new Map(list.map((i) => [i.id, i]))
  for (const q of open) {
    const id = q.queryKey[q.queryKey.length - 1]
    const row = typeof id === 'string' ? byId.get(id) : undefined
    if (row) client.setQueryData<Instance>(q.queryKey, (old) => (old ? { ...old, ...row } : row))
  }
}

/** Writes a fresh detail read into the cached list, if there is one. */
export function patchListInstance(
  client: QueryClient,
  p: ScopeParams,
  id: string,
  patch: (old: Instance) => Instance,
): void {
  client.setQueryData<Instance[]>(instanceKeys.list(p), (list) =>
    list?.map((i) => (i.id === id ? patch(i) : i)),
  )
}

/* -------------------------------------------------------------------- options */

/**
 * Every instance of the project in the region (`GET /instances/detail`, all pages). Polls while
 * any row is transitional, backing off the longer it stays so; one list read per interval however
 * many rows move (a read is one request per page: 5,000 instances at Trove's page cap of 1,000 are
 * five requests, one after the other); paused in hidden tabs.
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
        const list = await fetchInstances(
          p,
          signal,
          firstRead ? (soFar) => client.setQueryData(firstPages, soFar) : undefined,
        )
        observeTransitions(list, Date.now())
        syncDetailsFromList(client, p, list)
        // The partial rows stay until the list has data (clearing them first would flash the
        // skeleton); the page reads them only while the list has none.
        return list
      } catch (e) {
        if (firstRead) client.setQueryData<Instance[]>(firstPages, [])
        throw e
      }
    },
    refetchInterval: (query) =>
      listPollMs(query.state.data, Date.now(), POLL_BASE_MS, transitionSince),
    refetchIntervalInBackground: false,
  })

/** One instance (`GET /instances/{id}`); polls only while it is transitional. */
export const instanceQueryOptions = (p: InstanceParams) =>
  queryOptions({
    queryKey: instanceKeys.detail(p),
    queryFn: async ({ signal, client }) => {
      const instance = await fetchInstance(p, signal)
      observeTransitions([instance], Date.now())
      patchListInstance(client, p, p.id, (old) => ({ ...old, ...instance }))
      return instance
    },
    refetchInterval: (query) =>
      instancePollMs(query.state.data, Date.now(), POLL_BASE_MS, transitionSince),
    refetchIntervalInBackground: false,
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
