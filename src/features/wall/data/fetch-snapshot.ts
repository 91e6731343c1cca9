import { z } from 'zod'
import { apiRequest } from '@/api/client'
import { ApiError } from '@/api/errors'
import { backupListSchema } from '@/api/backups/schemas'
import { linkSchema } from '@/api/common/schemas'
import { instanceListSchema } from '@/api/instances/schemas'
import { fetchAllPages, pagePath } from '@/api/instances/pagination'
import { LIST_PAGE_SIZE } from '@/api/instances/queries'
import { endpointFor, regionsFor } from '@/api/session/session-store'
import { parseCloudDate } from '@/lib/format'
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

/** One backup in progress (NEW, BUILDING or SAVING). */
export interface WallBackup {
  id: string
  name: string
  status: string
  region: string
  instanceId: string | undefined
  since: number | undefined
}

export interface RegionResult {
  region: string
  ok: boolean
  message?: string
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
}

export const RUNNING_BACKUP_STATUSES: ReadonlySet<string> = new Set(['NEW', 'BUILDING', 'SAVING'])

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
  return backups
    .filter((b) => RUNNING_BACKUP_STATUSES.has(b.status))
    .map((b) => ({
      id: b.id,
      name: b.name,
      status: b.status,
      region,
      instanceId: b.instance_id ?? undefined,
      since: parseCloudDate(b.created)?.getTime(),
    }))
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

/**
 * Reads every region of the catalog in parallel. A region that fails keeps its tiles from the
 * previous snapshot (marked in `regions`); when every region fails the refresh fails, and the
 * wall keeps its last picture and says it is stale.
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
  let notice: string | undefined

  const readAll = (allProjects: boolean) =>
    Promise.allSettled(
      regions.map(async (region) => {
        const rows = allProjects
          ? await mgmtInstances(ctx, region)
          : await memberInstances(ctx, region)
        const backups = await runningBackups(ctx, region, allProjects).catch(() => [])
        return { rows, backups }
      }),
    )

  let allProjects = admin
  let perRegion = await readAll(allProjects)
  if (allProjects) {
    const why = perRegion
      .map((r) => (r.status === 'rejected' ? mgmtUnavailable(r.reason) : undefined))
      .find(Boolean)
    if (why) {
      notice = why
      allProjects = false
      perRegion = await readAll(false)
    }
  }

  const failures = perRegion.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
  if (failures.length === regions.length) throw failures[0]
  // A 401 anywhere means the token is gone: let the caller renew it.
  const denied = failures.find((e) => e instanceof ApiError && e.kind === 'session-expired')
  if (denied) throw denied

  const now = Date.now()
  const projectName = (id: string) => (id === auth.projectId ? auth.projectName : id)
  const items: WallItem[] = []
  const backups: WallBackup[] = []
  const results: RegionResult[] = []
  perRegion.forEach((r, i) => {
    const region = regions[i] ?? ''
    if (r.status === 'fulfilled') {
      for (const row of r.value.rows) {
        items.push(toWallItem(row, { region, projectId: auth.projectId, projectName }))
      }
      backups.push(...r.value.backups)
      results.push({ region, ok: true })
    } else {
      items.push(...(prev?.items.filter((it) => it.region === region) ?? []))
      backups.push(...(prev?.backups.filter((b) => b.region === region) ?? []))
      results.push({ region, ok: false, message: messageOf(r.reason) })
    }
  })

  const withSince = carrySince(prev?.items, items, now)
  const events = diffSnapshots(prev?.items, withSince, now)
  return {
    takenAt: now,
    items: withSince,
    backups,
    scope: allProjects ? 'all-projects' : 'project',
    notice,
    regions: results,
    ticker: pushTicker(prev?.ticker ?? [], events),
  }
}
