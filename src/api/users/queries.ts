import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { InstanceScope } from '../databases/keys'
import { fetchAllPages, pagePath } from '../instances/pagination'
import { userKeys } from './keys'
import { userAccessSchema, userId, userListSchema, type DbUser } from './schemas'

/** Trove answers at most 20 users a page (users_page_size). */
export const USER_PAGE_SIZE = 20

export async function fetchUsers(p: InstanceScope, signal?: AbortSignal): Promise<DbUser[]> {
  return fetchAllPages(
    async (params) => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: pagePath(`/instances/${encodeURIComponent(p.instanceId)}/users`, params),
        schema: userListSchema,
        signal,
      })
      return { items: data.users, links: data.links }
    },
    { limit: USER_PAGE_SIZE },
  )
}

/** Every database user of an instance with host and databases (all pages); no polling. */
export const usersQueryOptions = (p: InstanceScope) =>
  queryOptions({
    queryKey: userKeys.list(p),
    queryFn: ({ signal }) => fetchUsers(p, signal),
    meta: { silent: true },
  })

/**
 * The databases a user can use, from the access endpoint. It is the authority: a user list may
 * lag behind a revoke (real Trove's fake guest keeps revoked databases in the list).
 */
export const userAccessQueryOptions = (p: InstanceScope, user: { name: string; host?: string }) =>
  queryOptions({
    queryKey: userKeys.access(p, userId(user.name, user.host)),
    queryFn: async ({ signal }) => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/instances/${encodeURIComponent(p.instanceId)}/users/${encodeURIComponent(
          userId(user.name, user.host),
        )}/databases`,
        schema: userAccessSchema,
        signal,
      })
      return data.databases.map((d) => d.name)
    },
    meta: { silent: true },
  })
