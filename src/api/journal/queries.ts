import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { journalKeys, type JournalFilters } from './keys'
import {
  journalPageSchema,
  stuckListSchema,
  usualDurationSchema,
  type JournalPage,
  type StuckList,
  type UsualDurationBody,
} from './schemas'

/** How often an open Activity view reads the journal again (live updates). */
export const JOURNAL_LIVE_MS = 5_000
/** How often stuck flags are read again while a page shows them. */
export const STUCK_REFRESH_MS = 30_000
export const JOURNAL_PAGE_SIZE = 100

/** `/console-api/v1/journal?...`: empty filters stay out of the URL. */
export function journalPath(
  p: ScopeParams,
  f: JournalFilters,
  cursor?: string,
  limit = JOURNAL_PAGE_SIZE,
): string {
  const q = new URLSearchParams({ project: p.projectId, region: p.region })
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v)
  if (cursor) q.set('cursor', cursor)
  q.set('limit', String(limit))
  return `/console-api/v1/journal?${q.toString()}`
}

export async function fetchJournalPage(
  p: ScopeParams,
  f: JournalFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<JournalPage> {
  const { data } = await apiRequest({
    service: 'identity',
    path: '',
    url: journalPath(p, f, cursor),
    schema: journalPageSchema,
    signal,
  })
  return data
}

/** The journal of the scope, newest first, a page at a time ("Load older"); live while shown. */
export function journalQueryOptions(p: ScopeParams, f: JournalFilters) {
  return infiniteQueryOptions({
    queryKey: journalKeys.list(p, f),
    queryFn: ({ pageParam, signal }) => fetchJournalPage(p, f, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: JOURNAL_LIVE_MS,
    refetchIntervalInBackground: false,
  })
}

/** Resources in a transitional state for longer than usual (stuck detection). */
export function stuckQueryOptions(p: ScopeParams) {
  return queryOptions({
    queryKey: journalKeys.stuck(p),
    queryFn: async ({ signal }): Promise<StuckList> => {
      const q = new URLSearchParams({ project: p.projectId, region: p.region })
      const { data } = await apiRequest({
        service: 'identity',
        path: '',
        url: `/console-api/v1/journal/stuck?${q.toString()}`,
        schema: stuckListSchema,
        signal,
      })
      return data
    },
    refetchInterval: STUCK_REFRESH_MS,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  })
}

/**
 * How long `status` usually lasts for this datastore (median/p95 from the journal), for the
 * change preview's expected outage. History changes slowly: read once a minute at most.
 */
export function usualDurationQueryOptions(
  p: ScopeParams,
  kind: 'instance' | 'backup',
  status: string,
  datastore: string,
) {
  return queryOptions({
    queryKey: journalKeys.durations(p, kind, status, datastore),
    queryFn: async ({ signal }): Promise<UsualDurationBody> => {
      const q = new URLSearchParams({ kind, status, datastore })
      const { data } = await apiRequest({
        service: 'identity',
        path: '',
        url: `/console-api/v1/journal/durations?${q.toString()}`,
        schema: usualDurationSchema,
        signal,
      })
      return data
    },
    staleTime: 60_000,
  })
}
