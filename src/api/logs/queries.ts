import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { ApiError } from '../errors'
import type { InstanceParams } from '../instances/keys'
import { logKeys, type LogParams } from './keys'
import {
  guestLogContentsSchema,
  guestLogListSchema,
  guestLogShowSchema,
  type GuestLog,
  type GuestLogContents,
} from './schemas'

/** The instance's guest logs (`GET /instances/{id}/log`). */
export const guestLogsQueryOptions = (p: InstanceParams) =>
  queryOptions({
    queryKey: logKeys.list(p),
    queryFn: async ({ signal }) => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/instances/${encodeURIComponent(p.id)}/log`,
        schema: guestLogListSchema,
        signal,
      })
      return data.logs
    },
  })

/**
 * The published text of a log, or `{ supported: false }` when the cloud has no contents path
 * (real Trove keeps published logs as Swift objects: the console then explains where to look).
 */
export type LogContentsResult =
  { supported: true; contents: GuestLogContents } | { supported: false }

async function fetchLogContents(p: LogParams, signal: AbortSignal): Promise<LogContentsResult> {
  try {
    const { data } = await apiRequest({
      service: 'database',
      region: p.region,
      path: `/instances/${encodeURIComponent(p.id)}/log/${encodeURIComponent(p.name)}/contents`,
      schema: guestLogContentsSchema,
      signal,
    })
    return { supported: true, contents: data.log_contents }
  } catch (e) {
    if (e instanceof ApiError && e.kind === 'not-found') return { supported: false }
    throw e
  }
}

/** The whole published text of a log (the viewer searches and downloads all of it). */
export const guestLogContentsQueryOptions = (p: LogParams) =>
  queryOptions({
    queryKey: logKeys.contents(p),
    queryFn: ({ signal }) => fetchLogContents(p, signal),
    retry: false,
  })

/** How often a followed log is published and read again. */
export const LOG_FOLLOW_MS = 5_000

/**
 * Following a log (tail): each round publishes what the guest collected since the last publish
 * (`POST /instances/{id}/log` with `publish: 1`), then reads the whole published text again and
 * writes it into the contents query the viewer shows. Runs every `LOG_FOLLOW_MS` while the
 * viewer follows (enabled by the caller), never in a hidden tab.
 */
export const guestLogFollowQueryOptions = (p: LogParams) =>
  queryOptions({
    queryKey: logKeys.follow(p),
    queryFn: async ({ signal, client }): Promise<number> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        method: 'POST',
        path: `/instances/${encodeURIComponent(p.id)}/log`,
        body: { name: p.name, publish: 1 },
        schema: guestLogShowSchema,
        signal,
      })
      client.setQueryData<GuestLog[]>(logKeys.list(p), (list) =>
        list?.map((l) => (l.name === data.log.name ? data.log : l)),
      )
      client.setQueryData(logKeys.contents(p), await fetchLogContents(p, signal))
      return Date.now()
    },
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchInterval: LOG_FOLLOW_MS,
    refetchIntervalInBackground: false,
    meta: { silent: true },
  })
