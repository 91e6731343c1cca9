import { queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { fetchAllPages, pagePath } from '../instances/pagination'
import { databaseKeys, type InstanceScope } from './keys'
import { databaseListSchema, type Database } from './schemas'

/** Trove answers at most 20 databases a page (databases_page_size). */
export const DATABASE_PAGE_SIZE = 20

export async function fetchDatabases(p: InstanceScope, signal?: AbortSignal): Promise<Database[]> {
  return fetchAllPages(
    async (params) => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: pagePath(`/instances/${encodeURIComponent(p.instanceId)}/databases`, params),
        schema: databaseListSchema,
        signal,
      })
      return { items: data.databases, links: data.links }
    },
    { limit: DATABASE_PAGE_SIZE },
  )
}

/** Every database of an instance (all pages). Nothing here moves by itself: no polling. */
export const databasesQueryOptions = (p: InstanceScope) =>
  queryOptions({
    queryKey: databaseKeys.list(p),
    queryFn: ({ signal }) => fetchDatabases(p, signal),
    meta: { silent: true },
  })
