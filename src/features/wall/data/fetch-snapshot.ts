import { z } from 'zod'
import { apiRequest } from '@/api/client'
import { ApiError } from '@/api/errors'
import { backupListSchema } from '@/api/backups/schemas'
import { linkSchema } from '@/api/common/schemas'
import { instanceListSchema } from '@/api/instances/schemas'
import { fetchAllPages, pagePath } from '@/api/instances/pagination'
import { LIST_PAGE_SIZE } from '@/api/instances/queries'
import { endpointFor, regionsFor } from '@/api/session/session-store'
import {
  carrySince,
  diffSnapshots,
  pushTicker,
  toWallItem,
  type InstanceLike,
  type TickerEvent,
  type WallItem,
} from '../lib/snapshot'
import type { WallAuth } from './wall-auth'
import {
  applyDelta,
  feedUnavailable,
  pictureOf,
  readFeed,
  runningBackupOf,
  type RegionFeed,
  type WallBackup,
} from './wall-feed'

export interface RegionResult {
  region: string
  ok: boolean
  message?: string
}

/** Where the wall reads each region's change feed (carried from one refresh to the next). */
export interface WallFeedState {
  /** The all-projects feed (admin); false once the cloud refused the admin view. */
  allProjects: boolean
  notice: string | undefined
  /** When the cloud last refused the admin view (asked again `ADMIN_VIEW_RETRY_MS` later). */
  refusedAt?: number | undefined
  regions: ReadonlyMap<string, RegionFeed>
}

/** How long a wall that fell back to its own project waits before asking for the admin view again. */
export const ADMIN_VIEW_RETRY_MS = 10 * 60_000

/**
 * Whether this refresh asks for the all-projects view: an admin's wall does, and, after the cloud
 * refused it, asks again every `ADMIN_VIEW_RETRY_MS` (a wall runs for days: a role granted later or
 * an admin API that comes back shows every project again without a reload).
 */
export function wantsAllProjects(
  prev: WallFeedState | undefined,
  admin: boolean,
  now: number,
): boolean {
  if (!admin) return false
  if (!prev || prev.allProjects) return true
  return prev.refusedAt === undefined || now - prev.refusedAt >= ADMIN_VIEW_RETRY_MS
}

/** One refresh of the wall: every instance it may see, in every region of the catalog. */
export interface WallSnapshot {
  takenAt: number
  items: WallItem[]
  backups: WallBackup[]
  /** all-projects: the admin /mgmt view; project: the token's project only. */
  scope: 'all-projects' | 'project'
  /** Why an admin sees only their project (the cloud has no /mgmt, or refused it). */
  notice: string | undefined
  regions: RegionResult[]
  ticker: TickerEvent[]
  feed: WallFeedState
}

/**
 * `/mgmt/instances` rows, read leniently (the admin view has more fields than the member view and
 * clouds differ): only what a tile needs is required.
 */
const mgmtInstanceSchema = z.looseObject({
  id: z.string(),
  name: z.string().catch(''),
  status: z.string().catch('UNKNOWN'),
  operating_status: z.string().optional().catch(undefined),
  datastore: z.looseObject({ type: z.string(), version: z.string() }).optional().catch(undefined),
  region: z.string().optional().catch(undefined),
  tenant_id: z.string().optional().catch(undefined),
  deleted: z.union([z.boolean(), z.number()]).optional().catch(undefined),
  fault: z
    .looseObject({ message: z.string(), created: z.string().nullable().optional() })
    .nullable()
    .optional()
    .catch(undefined),
  created: z.string().optional().catch(undefined),
  updated: z.string().optional().catch(undefined),
})
const mgmtListSchema = z.looseObject({
  instances: z.array(mgmtInstanceSchema),
  links: z.array(linkSchema).optional().catch(undefined),
})

interface Ctx {
  auth: WallAuth
  signal: AbortSignal | undefined
}

function baseFor(ctx: Ctx, region: string): string {
  const origin = typeof window === 'undefined' ? undefined : window.location.origin
  const base = endpointFor(ctx.auth.catalog, 'database', region, origin)
  if (!base) {
    throw new ApiError({
      status: 0,
      kind: 'not-implemented',
      message: `The catalog has no database endpoint in ${region}.`,
    })
  }
  return base
}

async function memberInstances(ctx: Ctx, region: string): Promise<InstanceLike[]> {
  const base = baseFor(ctx, region)
  return fetchAllPages(
    async (params) => {
      const { data } = await apiRequest({
        service: 'database',
        path: '',
        url: base + pagePath('/instances/detail', params),
        token: ctx.auth.token,
        schema: instanceListSchema,
        signal: ctx.signal,
      })
      return { items: data.instances, links: data.links }
    },
    { limit: LIST_PAGE_SIZE },
  )
}

async function mgmtInstances(ctx: Ctx, region: string): Promise<InstanceLike[]> {
  const base = baseFor(ctx, region)
  const rows = await fetchAllPages(
    async (params) => {
      const { data } = await apiRequest({
        service: 'database',
        path: '',
        url: base + pagePath('/mgmt/instances?deleted=false', params),
        token: ctx.auth.token,
        schema: mgmtListSchema,
        signal: ctx.signal,
      })
      return { items: data.instances, links: data.links }
    },
    { limit: LIST_PAGE_SIZE },
  )
  return rows
    .filter((r) => r.deleted !== true && r.deleted !== 1)
    .map((r) => ({ ...r, fault: r.fault ?? undefined }))
}

async function runningBackups(ctx: Ctx, region: string, all: boolean): Promise<WallBackup[]> {
  const base = baseFor(ctx, region)
  const backups = await fetchAllPages(
    async (params) => {
      const { data } = await apiRequest({
        service: 'database',
        path: '',
        url: base + pagePath(all ? '/backups?all_projects=true' : '/backups', params),
        token: ctx.auth.token,
        schema: backupListSchema,
        signal: ctx.signal,
      })
      return { items: data.backups, links: data.links }
    },
    { limit: LIST_PAGE_SIZE },
  )
  return backups.flatMap((b) => runningBackupOf(b, region) ?? [])
}

/** The admin view is unavailable (not a failure of the wall): fall back to the project. */
function mgmtUnavailable(e: unknown): string | undefined {
  if (!(e instanceof ApiError)) return undefined
  if (e.kind === 'admin-required')
    return 'The cloud refused the admin view (/mgmt): showing this project only.'
  if (e.kind === 'not-found' || e.kind === 'not-implemented')
    return 'This cloud has no admin view (/mgmt/instances): showing this project only.'
  return undefined
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]))

/** The region's picture from its lists (the watcher is cold, or the feed is unavailable). */
async function fromLists(ctx: Ctx, region: string, allProjects: boolean, cursor: string) {
  const rows = allProjects ? await mgmtInstances(ctx, region) : await memberInstances(ctx, region)
  const backups = await runningBackups(ctx, region, allProjects).catch(() => [])
  const feed: RegionFeed = {
    cursor,
    instances: byId(rows),
    backups: byId(backups),
    fromWatcher: false,
  }
  return feed
}

/**
 * One region's refresh: a delta from its cursor (a few hundred bytes when nothing changed), or
 * its first picture: the watcher's snapshot when it holds the rows, else the lists (the feed's
 * cursor is taken first, so what changes while the lists are read comes in the next delta).
 */
async function refreshRegion(
  ctx: Ctx,
  region: string,
  allProjects: boolean,
  prev: RegionFeed | undefined,
): Promise<{ feed: RegionFeed | undefined; changed: boolean; listed: RegionFeed | undefined }> {
  const read = (params: { cursor?: string; snapshot?: boolean }) =>
    readFeed(ctx.auth, region, allProjects, params, ctx.signal)
  let res
  try {
    res = await read(prev ? { cursor: prev.cursor } : { snapshot: true })
    // A picture from the lists is replaced by the watcher's own once it is warm (see RegionFeed).
    if (prev && !prev.fromWatcher && res.warm.includes('instances')) {
      res = await read({ snapshot: true })
    }
  } catch (e) {
    if (!feedUnavailable(e)) throw e
    // No feed for this wall: the lists, every refresh (no cursor: the feed is tried again).
    return { feed: undefined, changed: true, listed: await fromLists(ctx, region, allProjects, '') }
  }
  if (prev && res.reset !== true) {
    const { feed, changed } = applyDelta(prev, res, region)
    return { feed, changed, listed: undefined }
  }
  const picture = pictureOf(res, region, prev?.backups ?? new Map())
  if (picture) return { feed: picture, changed: true, listed: undefined }
  // The watcher is cold (it started now): read the lists once, follow the feed from its cursor.
  const listed = await fromLists(ctx, region, allProjects, res.cursor)
  return { feed: listed, changed: true, listed: undefined }
}

/**
 * Refreshes every region of the catalog in parallel from the console server's change feed. A
 * region that fails keeps its tiles from the previous snapshot (marked in `regions`); when every
 * region fails the refresh fails, and the wall keeps its last picture and says it is stale.
 * When nothing changed anywhere the previous items are kept as they are (no re-render).
 */
export async function fetchWallSnapshot(
  auth: WallAuth,
  prev: WallSnapshot | undefined,
  signal?: AbortSignal,
): Promise<WallSnapshot> {
  const ctx: Ctx = { auth, signal }
  const regions = regionsFor(auth.catalog, 'database')
  if (regions.length === 0) {
    throw new ApiError({
      status: 0,
      kind: 'not-implemented',
      message: "This cloud's catalog has no database service.",
    })
  }
  const admin = auth.roles.includes('admin')
  let allProjects = wantsAllProjects(prev?.feed, admin, Date.now())
  let notice = prev?.feed.notice
  let refusedAt = prev?.feed.refusedAt
  // Feeds carry cursors of one scope: a scope asked again after a refusal starts afresh.
  const sameAsked = prev !== undefined && prev.feed.allProjects === allProjects
  const before = sameAsked ? prev.feed.regions : undefined

  const readAll = (all: boolean, from: ReadonlyMap<string, RegionFeed> | undefined) =>
    Promise.allSettled(regions.map((region) => refreshRegion(ctx, region, all, from?.get(region))))

  let perRegion = await readAll(allProjects, before)
  if (allProjects) {
    const why = perRegion
      .map((r) => (r.status === 'rejected' ? mgmtUnavailable(r.reason) : undefined))
      .find(Boolean)
    if (why) {
      notice = why
      refusedAt = Date.now()
      allProjects = false
      perRegion = await readAll(false, sameAsked ? undefined : prev?.feed.regions)
    } else {
      notice = undefined
      refusedAt = undefined
    }
  }

  const failures = perRegion.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
  if (failures.length === regions.length) throw failures[0]
  // A 401 anywhere means the token is gone: let the caller renew it.
  const denied = failures.find((e) => e instanceof ApiError && e.kind === 'session-expired')
  if (denied) throw denied

  const now = Date.now()
  const scope = allProjects ? 'all-projects' : 'project'
  const sameScope = prev !== undefined && prev.scope === scope
  const results: RegionResult[] = []
  const feeds = new Map<string, RegionFeed>()
  let changed = !sameScope
  perRegion.forEach((r, i) => {
    const region = regions[i] ?? ''
    if (r.status === 'fulfilled') {
      const f = r.value.feed ?? r.value.listed
      if (r.value.feed) feeds.set(region, r.value.feed)
      if (r.value.changed || f !== before?.get(region)) changed = true
      results.push({ region, ok: true })
    } else {
      const kept = sameScope ? before?.get(region) : undefined
      if (kept) feeds.set(region, kept)
      results.push({ region, ok: false, message: messageOf(r.reason) })
    }
  })
  const feed: WallFeedState = { allProjects, notice, refusedAt, regions: feeds }
  // Nothing moved: the same tiles (no re-render of 10,000 items), a new "updated" time.
  if (prev && !changed) return { ...prev, takenAt: now, notice, regions: results, feed }

  const projectName = (id: string) => (id === auth.projectId ? auth.projectName : id)
  const items: WallItem[] = []
  const backups: WallBackup[] = []
  perRegion.forEach((r, i) => {
    const region = regions[i] ?? ''
    const picture = r.status === 'fulfilled' ? (r.value.feed ?? r.value.listed) : undefined
    if (picture) {
      for (const row of picture.instances.values()) {
        items.push(toWallItem(row, { region, projectId: auth.projectId, projectName }))
      }
      backups.push(...picture.backups.values())
    } else {
      // A failed region keeps its tiles from the previous snapshot.
      items.push(...(prev?.items.filter((it) => it.region === region) ?? []))
      backups.push(...(prev?.backups.filter((b) => b.region === region) ?? []))
    }
  })

  const withSince = carrySince(prev?.items, items, now)
  const events = diffSnapshots(prev?.items, withSince, now)
  return {
    takenAt: now,
    items: withSince,
    backups,
    scope,
    notice,
    regions: results,
    ticker: pushTicker(prev?.ticker ?? [], events),
    feed,
  }
}
