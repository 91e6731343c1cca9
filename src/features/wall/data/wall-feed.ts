import { apiRequest } from '@/api/client'
import { ApiError } from '@/api/errors'
import type { Backup } from '@/api/backups/schemas'
import {
  FEED_PATH,
  allProjectsFeedResponseSchema,
  feedResponseSchema,
  type AllProjectsFeedResponse,
  type FeedResponse,
} from '@/api/feed/schemas'
import { RUNNING_BACKUP_STATUSES } from '@/api/rules/resource-motion'
import { parseCloudDate } from '@/lib/format'
import type { InstanceLike } from '../lib/snapshot'
import type { WallAuth } from './wall-auth'

/**
 * The wall's reading of the console server's change feed (`GET /console-api/v1/feed`, see
 * docs/change-feed.md): per region, the first picture from the watcher's snapshot (or the lists
 * while the watcher is cold), then only what changed since the cursor: a quiet refresh is a few
 * hundred bytes whatever the fleet size. An admin wall reads the all-projects feed
 * (`allProjects=1`).
 */

/**
 * The longest the wall waits between two feed reads, whatever its `?refresh=`: the server's
 * watcher drops a viewer that has not asked for 30 s, and a wall that came back to a stopped
 * watcher would need a whole new picture (a quiet read costs a few hundred bytes).
 */
export const FEED_KEEPALIVE_MS = 20_000

/** One backup in progress (NEW, BUILDING or SAVING). */
export interface WallBackup {
  id: string
  name: string
  status: string
  region: string
  instanceId: string | undefined
  since: number | undefined
}

/** What the wall holds of one region: every instance, the running backups, and its cursor. */
export interface RegionFeed {
  cursor: string
  instances: ReadonlyMap<string, InstanceLike>
  backups: ReadonlyMap<string, WallBackup>
  /**
   * The watcher held the instances when this picture was taken. False: the picture came from
   * the lists while it was cold; once it says warm the wall takes one snapshot, so a change
   * between its list read and the watcher's first walk is not missed.
   */
  fromWatcher: boolean
}

/** A feed answer: the tenant feed's, or the all-projects feed's (admin views). */
type WallFeedAnswer = FeedResponse | AllProjectsFeedResponse

interface FeedParams {
  cursor?: string | undefined
  snapshot?: boolean
}

/** An instance row of either feed (tenant view or admin view), as the wall reads it. */
interface FeedInstanceRow {
  id: string
  name: string
  status: string
  operating_status?: string | undefined
  datastore?: { type: string | null; version: string | null } | undefined
  region?: string | undefined
  tenant_id?: string | undefined
  fault?: { message: string; created?: string | null | undefined } | undefined
  created?: string | undefined
  updated?: string | undefined
}

export function instanceLikeOf(row: FeedInstanceRow): InstanceLike {
  const ds = row.datastore
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    operating_status: row.operating_status,
    datastore: ds?.type ? { type: ds.type, version: ds.version ?? '' } : undefined,
    region: row.region,
    tenant_id: row.tenant_id,
    fault: row.fault ?? undefined,
    created: row.created,
    updated: row.updated,
  }
}

/** A backup row as a wall entry, or undefined when it is not running. */
export function runningBackupOf(
  b: Pick<Backup, 'id' | 'name' | 'status' | 'instance_id' | 'created'>,
  region: string,
): WallBackup | undefined {
  if (!RUNNING_BACKUP_STATUSES.has(b.status)) return undefined
  return {
    id: b.id,
    name: b.name,
    status: b.status,
    region,
    instanceId: b.instance_id ?? undefined,
    since: parseCloudDate(b.created)?.getTime(),
  }
}

/** One request to the region's feed (the all-projects one for an admin wall). */
export async function readFeed(
  auth: WallAuth,
  region: string,
  allProjects: boolean,
  params: FeedParams,
  signal: AbortSignal | undefined,
): Promise<WallFeedAnswer> {
  const q = new URLSearchParams({ region, projectId: auth.projectId })
  if (allProjects) q.set('allProjects', '1')
  if (params.snapshot) q.set('snapshot', '1')
  if (params.cursor) q.set('cursor', params.cursor)
  const url = `${FEED_PATH}?${q.toString()}`
  const base = { service: 'database', path: '', url, token: auth.token, signal } as const
  // The admin feed's rows are Trove's admin views (their own schema).
  if (allProjects) {
    return (await apiRequest({ ...base, schema: allProjectsFeedResponseSchema })).data
  }
  return (await apiRequest({ ...base, schema: feedResponseSchema })).data
}

/**
 * The feed cannot serve this wall (a console server without it, or one that refuses it): the
 * wall reads the lists itself this time. A network failure or a refused token is not that: the
 * region failed, and the wall says it is stale.
 */
export function feedUnavailable(e: unknown): boolean {
  return (
    e instanceof ApiError &&
    e.status !== 0 &&
    e.kind !== 'network' &&
    e.kind !== 'session-expired' &&
    e.status < 500
  )
}

/** A region's picture from a reset (a snapshot): every row of each warm kind. */
export function pictureOf(
  res: WallFeedAnswer,
  region: string,
  keepBackups: ReadonlyMap<string, WallBackup>,
): RegionFeed | undefined {
  if (!res.warm.includes('instances')) return undefined
  const instances = new Map<string, InstanceLike>()
  for (const row of res.instances?.created ?? []) instances.set(row.id, instanceLikeOf(row))
  let backups: ReadonlyMap<string, WallBackup> = keepBackups
  if (res.warm.includes('backups')) {
    const running = new Map<string, WallBackup>()
    for (const b of res.backups?.created ?? []) {
      const w = runningBackupOf(b, region)
      if (w) running.set(w.id, w)
    }
    backups = running
  }
  return { cursor: res.cursor, instances, backups, fromWatcher: true }
}

/**
 * Applies a delta answer to a region's picture. Returns the same object when nothing changed
 * (a quiet refresh costs no re-render), a new one (new maps) when something did.
 */
export function applyDelta(prev: RegionFeed, res: WallFeedAnswer, region: string) {
  const ins = res.instances
  const bks = res.backups
  const touched =
    (ins?.created?.length ?? 0) + (ins?.changed?.length ?? 0) + (ins?.deleted?.length ?? 0) > 0
  const backupsTouched =
    (bks?.created?.length ?? 0) + (bks?.changed?.length ?? 0) + (bks?.deleted?.length ?? 0) > 0
  if (!touched && !backupsTouched) {
    return {
      feed: res.cursor === prev.cursor ? prev : { ...prev, cursor: res.cursor },
      changed: false,
    }
  }
  let instances = prev.instances
  if (touched) {
    const next = new Map(prev.instances)
    for (const row of [...(ins?.created ?? []), ...(ins?.changed ?? [])])
      next.set(row.id, instanceLikeOf(row))
    for (const id of ins?.deleted ?? []) next.delete(id)
    instances = next
  }
  let backups = prev.backups
  if (backupsTouched) {
    const next = new Map(prev.backups)
    for (const b of [...(bks?.created ?? []), ...(bks?.changed ?? [])]) {
      const w = runningBackupOf(b, region)
      if (w) next.set(b.id, w)
      else next.delete(b.id)
    }
    for (const id of bks?.deleted ?? []) next.delete(id)
    backups = next
  }
  return {
    feed: { ...prev, cursor: res.cursor, instances, backups },
    changed: touched || backupsTouched,
  }
}
