import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { apiRequest } from '../client'
import type { ScopeParams } from '../instances/keys'
import { fetchAllPages, pagePath } from '../instances/pagination'
import { POLL_BASE_MS } from '../instances/queries'
import { backupKeys, type BackupParams } from './keys'
import {
  backupListSchema,
  backupShowSchema,
  backupStrategyListSchema,
  type Backup,
  type BackupStrategy,
} from './schemas'
import { backupsPollMs, isBackupTransitional } from './status'

/** Page size asked for; the cloud caps it and sends `next` links. */
export const BACKUP_PAGE_SIZE = 1000

// When this tab first saw each backup in its current running state (client clock, so skew with
// the cloud cannot make polling too fast or too slow); a new state restarts the clock.
const transitions = new Map<string, { state: string; since: number }>()

/** Records the state of backups just read or written; forgets the settled ones. */
export function observeBackupTransitions(backups: readonly Backup[], now: number): void {
  for (const b of backups) {
    if (!isBackupTransitional(b)) {
      transitions.delete(b.id)
      continue
    }
    const seen = transitions.get(b.id)
    if (!seen || seen.state !== b.status) transitions.set(b.id, { state: b.status, since: now })
  }
}

function transitionSince(b: Backup): number | undefined {
  const seen = transitions.get(b.id)
  return seen && seen.state === b.status ? seen.since : undefined
}

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

/** Writes a fresh detail read into the cached list, if there is one. */
export function patchListBackup(
  client: QueryClient,
  p: ScopeParams,
  id: string,
  patch: (old: Backup) => Backup,
): void {
  client.setQueryData<Backup[]>(backupKeys.list(p), (list) =>
    list?.map((b) => (b.id === id ? patch(b) : b)),
  )
}

/** Keeps open detail pages in step with the list the page polls. */
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

/**
 * Every backup of the project in the region (`GET /backups`, all pages). Polls while any backup
 * runs, backing off; one request per interval; paused in hidden tabs. The backups page, the
 * instance's Backups tab and the task tray all read this one query.
 */
export const backupsQueryOptions = (p: ScopeParams) =>
  queryOptions({
    queryKey: backupKeys.list(p),
    queryFn: async ({ signal, client }) => {
      const list = await fetchBackups(p, signal)
      observeBackupTransitions(list, Date.now())
      syncDetailsFromList(client, p, list)
      return list
    },
    refetchInterval: (query) =>
      backupsPollMs(query.state.data, Date.now(), POLL_BASE_MS, transitionSince),
    refetchIntervalInBackground: false,
  })

/** One backup (`GET /backups/{id}`); polls only while it runs. */
export const backupQueryOptions = (p: BackupParams) =>
  queryOptions({
    queryKey: backupKeys.detail(p),
    queryFn: async ({ signal, client }) => {
      const backup = await fetchBackup(p, signal)
      observeBackupTransitions([backup], Date.now())
      patchListBackup(client, p, p.id, (old) => ({ ...old, ...backup }))
      return backup
    },
    refetchInterval: (query) => {
      const b = query.state.data
      return backupsPollMs(b ? [b] : undefined, Date.now(), POLL_BASE_MS, transitionSince)
    },
    refetchIntervalInBackground: false,
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
