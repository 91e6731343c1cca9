import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { instanceKeys, type InstanceParams, type ScopeParams } from './keys'
import { fetchAllPages, pagePath } from './pagination'
import { instanceListSchema, instanceShowSchema, type Instance } from './schemas'
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

export async function fetchInstances(p: ScopeParams, signal?: AbortSignal): Promise<Instance[]> {
  return fetchAllPages(
    async (params) => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: pagePath('/instances/detail', params),
        schema: instanceListSchema,
        signal,
      })
      return { items: data.instances, links: data.links }
    },
    { limit: LIST_PAGE_SIZE },
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
 * any row is transitional, backing off the longer it stays so; one request per interval however
 * many rows move; paused in hidden tabs.
 */
export const instancesQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: instanceKeys.list(p),
    queryFn: async ({ signal, client }) => {
      const list = await fetchInstances(p, signal)
      observeTransitions(list, Date.now())
      syncDetailsFromList(client, p, list)
      return list
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
