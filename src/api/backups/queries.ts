import { settleBackupDeletes } from './pending-deletes'
import { queryOptions, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { ApiError } from '../errors'
import type { ScopeParams } from '../instances/keys'
import { fetchAllPages, pagePath } from '../instances/pagination'
import { backstopMs, POLL_BASE_MS } from '../instances/queries'
import { LIST_BACKSTOP_MS } from '../polling/poll-plan'
import { createResourcePoller } from '../polling/resource-poller'
import { feedIsLive, feedSnapshot } from '../polling/change-feed'
import { backupKeys, type BackupParams, type HaParams } from './keys'
import {
  backupListSchema,
  backupShowSchema,
  backupStrategyListSchema,
  type Backup,
  type BackupStrategy,
} from './schemas'
import { isBackupTransitional } from './status'

/** Page size asked for; the cloud caps it and sends `next` links. */
export const BACKUP_PAGE_SIZE = 1000

export async function fetchBackups(p: ScopeParams, signal?: AbortSignal): Promise<Backup[]> {
  return fetchAllPages(
    async (params) => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: pagePath('/backups', params),
        schema: backupListSchema,
        signal,
      })
      return { items: data.backups, links: data.links }
    },
    { limit: BACKUP_PAGE_SIZE },
  )
}

export async function fetchBackup(p: BackupParams, signal?: AbortSignal): Promise<Backup> {
  const { data } = await apiRequest({
    service: 'database',
    region: p.region,
    path: `/backups/${encodeURIComponent(p.id)}`,
    schema: backupShowSchema,
    signal,
  })
  return data.backup
}

/** Keeps open detail pages in step with a fresh read of the list. */
function syncDetailsFromList(client: QueryClient, p: ScopeParams, list: Backup[]): void {
  const open = client.getQueryCache().findAll({ queryKey: backupKeys.details(p) })
  if (open.length === 0) return
  const byId = new Map(list.map((b) => [b.id, b]))
  for (const q of open) {
    const id = q.queryKey[q.queryKey.length - 1]
    const row = typeof id === 'string' ? byId.get(id) : undefined
    if (row) client.setQueryData<Backup>(q.queryKey, (old) => (old ? { ...old, ...row } : row))
  }
}

/** The state the poller follows: the status while the backup runs, null once it has settled. */
export function movingBackupState(b: Pick<Backup, 'status'>): string | null {
  return isBackupTransitional(b) ? b.status : null
}

/**
 * The backups poller of a scope: it reads each running backup (`GET /backups/{id}`) at its own
 * backoff and writes it into the list and the detail cache. See `resource-poller.ts`.
 */
export const backupPoller = createResourcePoller<Backup>({
  listKey: backupKeys.list,
  detailKey: backupKeys.detail,
  pollerKey: backupKeys.poller,
  readDetail: (client, p) =>
    client.query({ ...backupQueryOptions(p), staleTime: 0, retry: false, meta: { silent: true } }),
  movingState: movingBackupState,
  baseMs: POLL_BASE_MS,
  feedKind: 'backups',
})

/** Writes a fresh detail read into the cached list, if there is one (keeping its read time). */
export function patchListBackup(
  client: QueryClient,
  p: ScopeParams,
  id: string,
  patch: (old: Backup) => Backup,
): void {
  backupPoller.patchListRow(client, p, id, patch)
}

/** Records backups just read or written: the running ones are polled from now on. */
export function noteBackups(client: QueryClient, p: ScopeParams, backups: readonly Backup[]) {
  backupPoller.notePolled(client, p, backups)
}

/** Keeps the scope's backup poller running while the calling component is mounted. */
export function useBackupPoller(p: ScopeParams): void {
  backupPoller.usePoller(p)
}

/** The Refresh button: re-reads the whole list now (its `dataUpdatedAt` is when it was read). */
export function useRefreshBackups(p: ScopeParams): () => Promise<void> {
  const client = useQueryClient()
  return () => client.refetchQueries({ queryKey: backupKeys.list(p), exact: true })
}

/**
 * Every backup of the project in the region (`GET /backups`, all pages). Read once, then only as
 * a slow backstop (every `LIST_BACKSTOP_MS` while shown, on focus when older, on Refresh, after a
 * create or delete); running backups are kept current by the poller. The backups page, the
 * instance's Backups tab and the quotas all read this one query.
 */
export const backupsQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: backupKeys.list(p),
    queryFn: async ({ signal, client }) => {
      const list = (await feedSnapshot(p, 'backups', signal)) ?? (await fetchBackups(p, signal))
      settleBackupDeletes(p, new Set(list.map((b) => b.id)))
      backupPoller.notePolled(client, p, list)
      syncDetailsFromList(client, p, list)
      return list
    },
    staleTime: () => (feedIsLive(p) ? Infinity : LIST_BACKSTOP_MS),
    refetchInterval: (query) =>
      feedIsLive(p)
        ? false
        : backstopMs(query.state.dataUpdatedAt, query.state.data !== undefined, Date.now()),
    refetchIntervalInBackground: false,
  })

/** One backup (`GET /backups/{id}`): read on first load, then fed by the poller and the list. */
export const backupQueryOptions = (p: BackupParams) =>
  queryOptions({
    queryKey: backupKeys.detail(p),
    queryFn: async ({ signal, client }) => {
      const backup = await fetchBackup(p, signal)
      patchListBackup(client, p, p.id, (old) => ({ ...old, ...backup }))
      backupPoller.notePolled(client, p, [backup])
      return backup
    },
    staleTime: LIST_BACKSTOP_MS,
  })

/** The project's backup strategies in the region. */
export const backupStrategiesQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: backupKeys.strategies(p),
    queryFn: async ({ signal }): Promise<BackupStrategy[]> => {
      const { data } = await apiRequest({
        service: 'database',
        region: p.region,
        path: '/backup_strategies',
        schema: backupStrategyListSchema,
        signal,
      })
      return data.backup_strategies
    },
  })

/**
 * An HA group's backups (Rackspace `GET /ha/{haId}/backups`, all pages), or `offered: false`
 * where the cloud has no such API: real Trove answers an unknown path with 404 (or 405/501),
 * while a cloud that has it answers 200 for an existing instance, with or without backups.
 */
export type HaBackupsResult = { offered: true; backups: Backup[] } | { offered: false }

export const haBackupsQueryOptions = (p: HaParams) =>
  queryOptions({
    queryKey: backupKeys.ha(p),
    queryFn: async ({ signal }): Promise<HaBackupsResult> => {
      try {
        const backups = await fetchAllPages(
          async (params) => {
            const { data } = await apiRequest({
              service: 'database',
              region: p.region,
              path: pagePath(`/ha/${encodeURIComponent(p.haId)}/backups`, params),
              schema: backupListSchema,
              signal,
            })
            return { items: data.backups, links: data.links }
          },
          { limit: BACKUP_PAGE_SIZE },
        )
        return { offered: true, backups }
      } catch (e) {
        if (e instanceof ApiError && [404, 405, 501].includes(e.status)) return { offered: false }
        throw e
      }
    },
    retry: false,
    meta: { silent: true },
  })
