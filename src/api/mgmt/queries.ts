import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { POLL_BASE_MS } from '../instances/queries'
import { listPollMs, parseTroveTime } from '../instances/status'
import { backupListSchema, type Backup } from '../backups/schemas'
import type { Instance } from '../instances/schemas'
import { backupsPollMs } from '../backups/status'
import { fetchAllPages, nextPageParams, pagePath } from '../instances/pagination'
import { ApiError } from '../errors'
import { mgmtKeys, type AllBackupsFilters, type MgmtInstanceFilters } from './keys'
import {
  mgmtHostListSchema,
  mgmtInstanceListSchema,
  mgmtInstanceShowSchema,
  mgmtParameterListSchema,
  mgmtVersionListSchema,
  mgmtVersionShowSchema,
  quotaShowSchema,
  rootHistorySchema,
  type MgmtHost,
  type MgmtInstance,
  type MgmtParameter,
  type MgmtVersion,
  type QuotaUsage,
  type RootHistory,
} from './schemas'

const enc = encodeURIComponent

/**
 * What the tenant rules (polling, task outcomes) read of an admin view of an instance: status,
 * operating status, fault and timestamps.
 */
export function mgmtAsInstance(i: MgmtInstance): Instance {
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    operating_status: i.operating_status,
    flavor: i.flavor,
    datastore: { type: i.datastore.type ?? '', version: i.datastore.version ?? '' },
    updated: i.updated,
    created: i.created,
    ...(i.fault ? { fault: i.fault } : {}),
  }
}

function pollable(rows: readonly MgmtInstance[]): Instance[] {
  return rows.filter((i) => !i.deleted).map(mgmtAsInstance)
}

/** The path with Trove's mgmt index filters. */
export function mgmtInstancesPath(f: MgmtInstanceFilters): string {
  const q = new URLSearchParams()
  if (f.deleted !== undefined) q.set('deleted', String(f.deleted))
  if (f.projectId) q.set('project_id', f.projectId)
  const s = q.toString()
  return `/mgmt/instances${s ? `?${s}` : ''}`
}

/**
 * Every project's instances (`GET /mgmt/instances`, not paged by Trove). Polls like the tenant
 * list: while any row moves, one request per interval, backing off, paused in hidden tabs.
 */
export const mgmtInstancesQueryOptions = (p: ScopeParams, f: MgmtInstanceFilters) =>
  queryOptions({
    queryKey: mgmtKeys.instanceList(p, f),
    queryFn: async ({ signal }): Promise<MgmtInstance[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: mgmtInstancesPath(f),
        schema: mgmtInstanceListSchema,
        signal,
      })
      return data.instances
    },
    refetchInterval: (query) => {
      const rows = query.state.data
      return rows ? listPollMs(pollable(rows), Date.now(), POLL_BASE_MS) : false
    },
    refetchIntervalInBackground: false,
  })

/** Rows per page of the all-projects list (`limit`): the first page shows in well under 1 s. */
export const MGMT_PAGE_SIZE = 500

export interface MgmtInstancePage {
  instances: MgmtInstance[]
  /** The marker of the next page, or null on the last one (a cloud that does not page: null). */
  nextMarker: string | null
}

/**
 * Every project's instances a page at a time (`limit`/`marker`, newest first): the first page
 * only until more is asked for ("Load more"), never every page up front. A cloud that ignores
 * `limit` (Trove 18's mgmt index does not page) answers everything as one page. Polls the pages
 * read while any row moves, like the tenant list.
 */
export const mgmtInstancePagesQueryOptions = (p: ScopeParams, f: MgmtInstanceFilters) =>
  infiniteQueryOptions({
    queryKey: mgmtKeys.instancePages(p, f),
    queryFn: async ({ pageParam, signal }): Promise<MgmtInstancePage> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: pagePath(mgmtInstancesPath(f), { limit: MGMT_PAGE_SIZE, marker: pageParam }),
        schema: mgmtInstanceListSchema,
        signal,
      })
      const next = nextPageParams(data.links)
      return { instances: data.instances, nextMarker: next?.marker ?? null }
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextMarker ?? undefined,
    refetchInterval: (query) => {
      const pages = query.state.data?.pages
      if (!pages) return false
      return listPollMs(pollable(pages.flatMap((pg) => pg.instances)), Date.now(), POLL_BASE_MS)
    },
    refetchIntervalInBackground: false,
  })

/**
 * The compute hosts the cloud reports (`GET /mgmt/hosts`), or null when it has no such API (Trove
 * 18 removed the hosts extension: 404): the migrate dialog then offers the hosts its instances
 * report.
 */
export const mgmtHostsQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: mgmtKeys.hosts(p),
    queryFn: async ({ signal }): Promise<MgmtHost[] | null> => {
      try {
        const { data } = await apiRequest({
          service: 'database',
          region: p.region,
          path: '/mgmt/hosts',
          schema: mgmtHostListSchema,
          signal,
        })
        return data.hosts
      } catch (e) {
        if (e instanceof ApiError && e.kind === 'not-found') return null
        throw e
      }
    },
    staleTime: 60_000,
  })

/** One instance of any project (`GET /mgmt/instances/{id}`); polls while it moves. */
export const mgmtInstanceQueryOptions = (p: ScopeParams, id: string) =>
  queryOptions({
    queryKey: mgmtKeys.instance(p, id),
    queryFn: async ({ signal }): Promise<MgmtInstance> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/mgmt/instances/${enc(id)}`,
        schema: mgmtInstanceShowSchema,
        signal,
      })
      return data.instance
    },
    refetchInterval: (query) => {
      const i = query.state.data
      return i ? listPollMs(pollable([i]), Date.now(), POLL_BASE_MS) : false
    },
    refetchIntervalInBackground: false,
  })

/** When root was first enabled on an instance, and by whom (`GET /mgmt/instances/{id}/root`). */
export const rootHistoryQueryOptions = (p: ScopeParams, id: string) =>
  queryOptions({
    queryKey: mgmtKeys.root(p, id),
    queryFn: async ({ signal }): Promise<RootHistory> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/mgmt/instances/${enc(id)}/root`,
        schema: rootHistorySchema,
        signal,
      })
      return data.root_history
    },
  })

/** Every datastore version, active or not (`GET /mgmt/datastore-versions`). */
export const mgmtVersionsQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: mgmtKeys.versions(p),
    queryFn: async ({ signal }): Promise<MgmtVersion[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: '/mgmt/datastore-versions',
        schema: mgmtVersionListSchema,
        signal,
      })
      return data.versions
    },
  })

export const mgmtVersionQueryOptions = (p: ScopeParams, id: string) =>
  queryOptions({
    queryKey: mgmtKeys.version(p, id),
    queryFn: async ({ signal }): Promise<MgmtVersion> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/mgmt/datastore-versions/${enc(id)}`,
        schema: mgmtVersionShowSchema,
        signal,
      })
      return data.version
    },
  })

/** A version's configuration parameters in the mgmt view (`max_size`/`min_size`). */
export const mgmtParametersQueryOptions = (p: ScopeParams, versionId: string) =>
  queryOptions({
    queryKey: mgmtKeys.parameters(p, versionId),
    queryFn: async ({ signal }): Promise<MgmtParameter[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/mgmt/datastores/versions/${enc(versionId)}/parameters`,
        schema: mgmtParameterListSchema,
        exactIntegers: true,
        signal,
      })
      return data['configuration-parameters']
    },
  })

/** A project's quota usage and limits (`GET /mgmt/quotas/{project}`). */
export const quotaQueryOptions = (p: ScopeParams, project: string) =>
  queryOptions({
    queryKey: mgmtKeys.quota(p, project),
    queryFn: async ({ signal }): Promise<QuotaUsage[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: `/mgmt/quotas/${enc(project)}`,
        schema: quotaShowSchema,
        signal,
      })
      return data.quotas
    },
  })

/** Backups of every project (`all_projects`), or of one (`project_id`); admin only. */
export const allBackupsQueryOptions = (p: ScopeParams, f: AllBackupsFilters) =>
  queryOptions({
    queryKey: mgmtKeys.backups(p, f),
    queryFn: ({ signal }): Promise<Backup[]> =>
      fetchAllPages(
        async (params) => {
          const path = pagePath('/backups', params)
          const extra = f.projectId ? `project_id=${enc(f.projectId)}` : 'all_projects=true'
          const { data } = await apiRequest({
            service: 'database',
            region: p.region,
            path: `${path}${path.includes('?') ? '&' : '?'}${extra}`,
            schema: backupListSchema,
            signal,
          })
          return { items: data.backups, links: data.links }
        },
        { limit: 1000 },
      ),
    refetchInterval: (query) =>
      backupsPollMs(query.state.data, Date.now(), POLL_BASE_MS, (b) => parseTroveTime(b.updated)),
    refetchIntervalInBackground: false,
  })
