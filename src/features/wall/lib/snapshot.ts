import { parseCloudDate } from '@/lib/format'
import { tileState, type Health } from './tile-state'

/**
 * What the wall knows about one instance: only the fields a tile shows (10,000 of these stay
 * small), plus `since`, when the instance entered its current state.
 */
export interface WallItem {
  id: string
  name: string
  status: string
  operatingStatus: string | undefined
  /** "status/operating_status": a change of either is a change of state. */
  stateKey: string
  health: Health
  activity: string
  datastore: string
  datastoreVersion: string
  region: string
  projectId: string
  project: string
  /** Epoch ms when the current state began, when known. */
  since: number | undefined
  fault: string | undefined
}

/** The fields of a Trove instance view (member list or /mgmt list) the wall reads. */
export interface InstanceLike {
  id: string
  name: string
  status: string
  operating_status?: string | undefined
  datastore?: { type: string; version: string } | undefined
  region?: string | undefined
  tenant_id?: string | undefined
  fault?: { message: string; created?: string | null | undefined } | undefined
  created?: string | undefined
  updated?: string | undefined
}

const ms = (v: string | null | undefined) => parseCloudDate(v)?.getTime()

/** A wall item from an instance view; `since` is the server's idea, refined by carrySince(). */
export function toWallItem(
  i: InstanceLike,
  ctx: { region: string; projectId: string; projectName: (id: string) => string },
): WallItem {
  const { health, activity } = tileState(i.status, i.operating_status)
  const projectId = i.tenant_id ?? ctx.projectId
  const faultAt = health === 'error' ? ms(i.fault?.created) : undefined
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    operatingStatus: i.operating_status,
    stateKey: `${i.status}/${i.operating_status ?? ''}`,
    health,
    activity,
    datastore: i.datastore?.type ?? 'unknown',
    datastoreVersion: i.datastore?.version ?? '',
    region: i.region ?? ctx.region,
    projectId,
    project: ctx.projectName(projectId),
    since: faultAt ?? ms(i.updated) ?? ms(i.created),
    fault: health === 'error' ? i.fault?.message : undefined,
  }
}

const itemKey = (i: Pick<WallItem, 'region' | 'id'>) => `${i.region}/${i.id}`

/**
 * Keeps `since` of items whose state did not change; an item whose state changed between two
 * refreshes started its new state when the wall saw it (`now`), which is more accurate than a
 * server's `updated` that other writes also move. Returns new objects only where `since` moved.
 */
export function carrySince(
  prev: readonly WallItem[] | undefined,
  next: WallItem[],
  now: number,
): WallItem[] {
  if (!prev || prev.length === 0) return next
  const before = new Map(prev.map((i) => [itemKey(i), i]))
  return next.map((item) => {
    const old = before.get(itemKey(item))
    if (!old) return item
    if (old.stateKey === item.stateKey) {
      return old.since === item.since ? item : { ...item, since: old.since ?? item.since }
    }
    // Errors keep the fault's own time: it says when it happened.
    if (item.health === 'error' && item.since !== undefined) return item
    return { ...item, since: now }
  })
}

export type TickerKind = 'changed' | 'new' | 'gone'

export interface TickerEvent {
  key: string
  kind: TickerKind
  at: number
  name: string
  region: string
  project: string
  projectId: string
  datastore: string
  datastoreVersion: string
  from?: string
  to?: string
  health: Health
}

function label(i: WallItem): string {
  if (i.operatingStatus === undefined || i.operatingStatus === i.status) return i.status
  return `${i.status} (${i.operatingStatus || 'task'})`
}

/**
 * The ticker: what changed between two successive snapshots, newest first. The first snapshot
 * (no `prev`) yields nothing: everything would be "new".
 */
export function diffSnapshots(
  prev: readonly WallItem[] | undefined,
  next: readonly WallItem[],
  at: number,
): TickerEvent[] {
  if (!prev) return []
  const events: TickerEvent[] = []
  const before = new Map(prev.map((i) => [itemKey(i), i]))
  const seen = new Set<string>()
  const base = (i: WallItem) => ({
    at,
    name: i.name,
    region: i.region,
    project: i.project,
    projectId: i.projectId,
    datastore: i.datastore,
    datastoreVersion: i.datastoreVersion,
    health: i.health,
  })
  for (const item of next) {
    const k = itemKey(item)
    seen.add(k)
    const old = before.get(k)
    if (!old) {
      events.push({ ...base(item), key: `${at}:new:${k}`, kind: 'new', to: label(item) })
    } else if (old.stateKey !== item.stateKey) {
      events.push({
        ...base(item),
        key: `${at}:changed:${k}`,
        kind: 'changed',
        from: label(old),
        to: label(item),
      })
    }
  }
  for (const old of prev) {
    const k = itemKey(old)
    if (!seen.has(k)) {
      events.push({ ...base(old), key: `${at}:gone:${k}`, kind: 'gone', from: label(old) })
    }
  }
  return events
}

/** Appends fresh events to the ticker, newest first, keeping at most `max`. */
export function pushTicker(
  ticker: readonly TickerEvent[],
  fresh: readonly TickerEvent[],
  max = 50,
): TickerEvent[] {
  if (fresh.length === 0) return ticker as TickerEvent[]
  return [...fresh, ...ticker].slice(0, max)
}
