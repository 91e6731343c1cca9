import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { ApiError } from '../errors'
import type { InstanceParams } from '../instances/keys'
import { logKeys, type LogParams } from './keys'
import { guestLogContentsSchema, guestLogListSchema, type GuestLogContents } from './schemas'

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

export const guestLogContentsQueryOptions = (p: LogParams) =>
  queryOptions({
    queryKey: logKeys.contents(p),
    queryFn: async ({ signal }): Promise<LogContentsResult> => {
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
    },
    retry: false,
  })
