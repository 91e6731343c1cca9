import { z } from 'zod'
import type { FeedKind } from '../../src/api/feed/schemas'
import { descendantsOf } from '../../src/api/rules/backup-chain'
import {
  backoffMs,
  isBackupTransitional,
  isTransitional,
} from '../../src/api/rules/resource-motion'
import { FeedLog, type FeedRow } from './feed-log'
import { shareScope, type PageShare } from './page-share'
import type { ProjectLocks } from './project-locks'
import type { Viewer } from './viewer-auth'

/** One read of the cloud's Trove face, as the console server sends it to itself. */
export interface TroveRead {
  status: number
  body: unknown
}
export type TroveReader = (path: string, token: string) => Promise<TroveRead>

export interface WatcherOptions {
  projectId: string
  region: string
  /** Sorted role names of the viewers it serves. */
  roles: readonly string[]
  /**
   * Every project of the region (an admin's all-projects feed): the instances are read from
   * `/mgmt/instances` and the backups with `all_projects=true`; `projectId` is then the admin
   * token's project (whose Trove endpoint is read, and whose lock serialises the reads).
   */
  allProjects?: boolean
  /** Trove's base path for the project and region (`/trove/R/v1.0/P`, `/gw/<endpoint>`). */
  base: string
  read: TroveReader
  locks: ProjectLocks
  /**
   * Reads shared with the project's other readers (the SPA's reads through the gateway): a read
   * in flight is joined, not sent twice. Optional (the embedded cloud reads in-process).
   */
  share?: PageShare
  /**
   * `poll`: a real cloud (gateway): moving rows are read one by one at their backoff and the lists
   * walked every `backstopMs`. `events`: the embedded cloud tells each change (`notify`): rows
   * are read when they change, never on a timer.
   */
  mode: 'poll' | 'events'
  /** Full list walk interval in poll mode (new and deleted rows); default 60 s. */
  backstopMs?: number
  /** Poll mode: longest interval between two backstop walks; default 2 × `backstopMs`. */
  backstopMaxMs?: number
  /** Events mode: first read interval of a moving row (it backs off to 15 s); default 1 s. */
  baseMs?: number
  /**
   * Poll mode: a moving row is read as Horizon polls a row it shows, counted from the row's first
   * sighting: 1, 2, 3, ... steps apart (`pollIntervalMs`), up to `pollMaxMs`; default 2.5 s
   * (Horizon's `ajax_poll_interval`).
   */
  pollStepMs?: number
  /** Poll mode: longest interval between two reads of a moving row; default 30 s (Horizon's cap). */
  pollMaxMs?: number
  /**
   * Poll mode: when at least this many moving rows share a page of the last walk, that page is
   * read instead of the rows one by one (one request refreshes them all); default 4.
   */
  pageReadMin?: number
  /** A viewer that has not asked for this long has left; default 30 s. */
  viewerTtlMs?: number
  /** Rows per list page asked for (Trove caps it at its own max). */
  pageLimit?: number
  now?: () => number
  /** The clock token expiry is judged by (the cloud's); default `now`. */
  tokenNow?: () => number
  /** The watcher stopped (last viewer left, nothing settling): the hub forgets it. */
  onStop?: () => void
  /** A token the cloud refused: the hub forgets it too. */
  onTokenRefused?: (viewerKey: string) => void
  /**
   * Poll mode: a row's status changed between two reads (the journal's transitions in gateway
   * mode; the embedded cloud's engine reports its own). Not called for the first walk (no before).
   */
  onTransition?: (t: WatchedTransition) => void
}

/** A status change the watcher saw between two reads of a row. */
export interface WatchedTransition {
  kind: FeedKind
  id: string
  projectId: string
  region: string
  name: string | null
  datastore: string | null
  /** Status before (Trove's `status`); `to` is `DELETED` when the row is gone. */
  from: string
  to: string
  at: number
}

interface Follow {
  kind: FeedKind
  id: string
  /** Its transitional state; null: not read yet (an action issued through the console). */
  state: string | null
  /** First sighting moving (its schedule counts from there). */
  since: number
  nextAt: number
  failures: number
  /**
   * A delete issued through the console: followed until the row is gone (real Trove keeps
   * listing a deleted backup, settled, until its task manager removes it), at most until then.
   */
  goneBy?: number
}

/**
 * Poll mode: the largest share of time a project's backstop walks may keep its Trove busy. A walk
 * whose pages took 9 s of answers is followed by 90 s without one. On real Trove every list page
 * costs the whole project (it loads every row for each page), so a walk of a large project costs
 * pages × project: the backstop grows with it, up to `backstopMaxMs`. Small projects keep
 * `backstopMs`.
 */
const BACKSTOP_SHARE = 0.1

/** How long a row a console delete named is followed until it is gone. */
export const FOLLOW_DELETE_MS = 10 * 60_000

/** Where a row was in the last walk: its page's marker (undefined: the first page) and size. */
interface PageRef {
  marker: string | undefined
  size: number
}

/** A list walk under way: one page per job, so due rows are read between its pages. */
interface Walk {
  started: number
  marker: string | undefined
  rows: FeedRow[]
  seen: Set<string>
  /** When each row of a first walk was read (its first sighting: its schedule counts from it). */
  seenAt: Map<string, number>
  /** Time its pages took to answer, summed (the walk's cost at Trove). */
  busy: number
}

interface Holder {
  token: string
  expiresAt: number
  seenAt: number
  /** A read with this token was answered 401: not read with again until its holder asks again. */
  refused?: boolean
}

export interface WatcherStats {
  /** Reads sent to Trove, by what they were (`pageReads`: a page re-read for its moving rows). */
  walks: number
  pages: number
  single: number
  pageReads: number
  /** Most reads of this watcher's project in flight at once (must stay 1). */
  maxInFlight: number
}

const rowSchema = z.looseObject({ id: z.string() })
const linkSchema = z.looseObject({ rel: z.string().optional(), href: z.string().optional() })
const LIST_SCHEMAS = {
  instances: z.looseObject({
    instances: z.array(rowSchema),
    links: z.array(linkSchema).optional(),
  }),
  backups: z.looseObject({ backups: z.array(rowSchema), links: z.array(linkSchema).optional() }),
}
const SHOW_SCHEMAS = {
  instances: z.looseObject({ instance: rowSchema }),
  backups: z.looseObject({ backup: rowSchema }),
}
/** Where a kind's list is read, and its fixed query (`limit` and `marker` are added). */
const LIST_PATH: Record<FeedKind, [string, Record<string, string>]> = {
  instances: ['/instances/detail', {}],
  backups: ['/backups', {}],
}
const SHOW_PATH: Record<FeedKind, string> = { instances: '/instances', backups: '/backups' }
/** The same reads across every project (admin tokens only). */
const ALL_LIST_PATH: Record<FeedKind, [string, Record<string, string>]> = {
  instances: ['/mgmt/instances', { deleted: 'false' }],
  backups: ['/backups', { all_projects: 'true' }],
}
const ALL_SHOW_PATH: Record<FeedKind, string> = {
  instances: '/mgmt/instances',
  backups: '/backups',
}
const KINDS: readonly FeedKind[] = ['instances', 'backups']

/** The marker of Trove's `next` link (its `href` may name another host: only the query counts). */
function nextMarker(links: readonly z.infer<typeof linkSchema>[] | undefined): string | undefined {
  const href = links?.find((l) => l.rel === 'next')?.href
  if (!href) return undefined
  try {
    return new URL(href, 'http://placeholder.invalid').searchParams.get('marker') ?? undefined
  } catch {
    return undefined
  }
}

function statusOf(row: FeedRow | undefined): string | null {
  return row && typeof row.status === 'string' ? row.status : null
}

function datastoreOf(row: FeedRow): string | null {
  const d = row.datastore
  if (d && typeof d === 'object' && 'type' in d && typeof d.type === 'string') return d.type
  return null
}

/** A row named by a console action; `deleted`: the action was its delete. */
export interface ActionTarget {
  kind: FeedKind
  id: string
  deleted?: boolean
}

/** The cloud gave up deleting it (a backup's DELETE_FAILED, an instance in ERROR). */
function deleteFailed(row: FeedRow): boolean {
  return row.status === 'DELETE_FAILED' || row.status === 'ERROR'
}

/** The transitional state to follow, or null once settled. */
export function movingState(kind: FeedKind, row: FeedRow): string | null {
  const status = typeof row.status === 'string' ? row.status : ''
  if (kind === 'backups') return isBackupTransitional({ status }) ? status : null
  const op = typeof row.operating_status === 'string' ? row.operating_status : undefined
  return isTransitional({ status, operating_status: op }) ? `${status}/${op ?? ''}` : null
}

/**
 * Poll mode: how long after a read a row first seen moving `ageMs` ago is read again. Horizon
 * polls the moving rows of a page it shows 1, 2, 3, ... steps apart (2.5, 5, 7.5 s ... with its
 * 2.5 s `ajax_poll_interval`, at most 30 s), counted from the page's load: after n polls the row
 * is n(n+1)/2 steps old and the next poll comes n+1 steps later. The same schedule by age, so a
 * row is never read more often than Horizon polls it, however often it was read meanwhile (a
 * walk's page, a page read).
 */
export function pollIntervalMs(ageMs: number, stepMs: number, maxMs: number): number {
  // Half a step of slack: a read lands a little after its time (it took a while).
  const steps = Math.max(0, ageMs) / stepMs + 0.5
  // Largest n with n(n+1)/2 <= steps.
  const n = Math.floor((Math.sqrt(8 * steps + 1) - 1) / 2)
  return Math.min(maxMs, stepMs * (n + 1))
}

/**
 * Poll mode: the interval of a page read that refreshed `moving` rows. One row's schedule by age,
 * at most four steps (10 s with Horizon's 2.5 s step: a fresh Horizon page polls a row 2.5, 5,
 * 7.5, 10 s apart), spread over the page's rows as if `min` of them were read one by one: a page
 * costs Trove about four single reads (reference cloud: 0.20 s for a page of 20 against 0.048 s
 * for one row), so per row a page read every `4 steps × min / moving` costs no more busy time than
 * Horizon's fresh page polling the same rows, and far fewer requests. Never less than one step
 * nor than four times the read took (a page costs Trove the whole project: it must not keep a
 * read in flight). Without the four-step cap, rows moving for minutes were refreshed by their
 * page every 6 s (30 s × 4 / 20): the console showed a change later than a freshly opened Horizon.
 */
export function pageIntervalMs(
  rowIntervalMs: number,
  moving: number,
  min: number,
  stepMs: number,
  tookMs: number,
): number {
  const rowMs = Math.min(rowIntervalMs, 4 * stepMs)
  return Math.max(stepMs, (rowMs * min) / Math.max(min, moving), 4 * tookMs)
}

/** A read not answered in this time fails (the loop goes on; the lock is released too). */
const READ_TIMEOUT_MS = 90_000

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ReadRefused(504)), ms)
    timer.unref?.()
    p.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}

class ReadRefused extends Error {
  constructor(readonly status: number) {
    super(`Trove answered ${status}`)
  }
}

/**
 * One watcher per project, region and role set: it reads the cloud for every viewer at once and
 * keeps what it read in a `FeedLog`. At most one read of the project in flight (`ProjectLocks`,
 * shared by the role sets); each read's next one waits at least as long as the read took.
 */
export class Watcher {
  readonly feed = new FeedLog()
  readonly stats: WatcherStats = { walks: 0, pages: 0, single: 0, pageReads: 0, maxInFlight: 0 }
  private readonly viewers = new Map<string, Holder>()
  /** Actors of actions issued through the console: followed to the end while their token holds. */
  private readonly actors = new Map<string, Holder>()
  private readonly following = new Map<string, Follow>()
  /** Poll mode: each row's page in the last walk (`kind:id`), for page reads. */
  private readonly pageOf = new Map<string, PageRef>()
  /** When each row (`kind:id`) was last read, alone or in a page (a walk's deletions). */
  private readonly readAt = new Map<string, number>()
  private readonly walks: Record<FeedKind, Walk | undefined> = {
    instances: undefined,
    backups: undefined,
  }
  /** Rows the embedded cloud said changed, to read (events mode). */
  private readonly queued = new Map<string, { kind: FeedKind; id: string }>()
  private readonly walkFailures: Record<FeedKind, number> = { instances: 0, backups: 0 }
  private nextWalkAt: Record<FeedKind, number> = { instances: 0, backups: 0 }
  private timer: ReturnType<typeof setTimeout> | undefined
  private timerAt = Infinity
  private leaveTimer: ReturnType<typeof setTimeout> | undefined
  private busy = false
  private idleWaiters: (() => void)[] = []
  private inFlight = 0
  private stopped = false
  private readonly now: () => number
  private readonly backstopMs: number
  private readonly backstopMaxMs: number
  private readonly baseMs: number
  private readonly pollStepMs: number
  private readonly pollMaxMs: number
  private readonly pageReadMin: number
  private readonly viewerTtlMs: number
  private readonly pageLimit: number

  constructor(private readonly o: WatcherOptions) {
    this.now = o.now ?? Date.now
    this.backstopMs = o.backstopMs ?? 60_000
    this.backstopMaxMs = o.backstopMaxMs ?? 2 * this.backstopMs
    this.baseMs = o.baseMs ?? 1000
    this.pollStepMs = o.pollStepMs ?? 2500
    this.pollMaxMs = o.pollMaxMs ?? 30_000
    this.pageReadMin = o.pageReadMin ?? 4
    this.viewerTtlMs = o.viewerTtlMs ?? 30_000
    this.pageLimit = o.pageLimit ?? 1000
  }

  get projectId(): string {
    return this.o.projectId
  }

  get region(): string {
    return this.o.region
  }

  get allProjects(): boolean {
    return this.o.allProjects === true
  }

  get isStopped(): boolean {
    return this.stopped
  }

  get viewerCount(): number {
    return this.viewers.size
  }

  /** Ids (`kind:id`) of the rows being followed one by one. */
  followedIds(): string[] {
    return [...this.following.keys()]
  }

  /** A viewer asked (a feed request): it is served, and its token may read for everyone. */
  touch(v: Viewer): void {
    if (this.stopped) return
    this.viewers.set(v.key, { token: v.token, expiresAt: v.expiresAt, seenAt: this.now() })
    this.armLeave()
    this.pump()
  }

  /**
   * An action issued through the console by `v`: what it set moving (`targets`: the rows its
   * path or answer names) is read now and followed to the end. Without a target (an action
   * whose row the console could not name) the next backstop walk finds it.
   */
  noteActor(v: Viewer, targets: readonly ActionTarget[] = []): void {
    if (this.stopped) return
    const now = this.now()
    this.actors.set(v.key, { token: v.token, expiresAt: v.expiresAt, seenAt: now })
    if (this.o.mode === 'poll') {
      for (const t of this.withIncrementals(targets)) {
        const key = `${t.kind}:${t.id}`
        const old = this.following.get(key)
        // A new action: its schedule starts again (as Horizon's, after the page it reloads).
        this.following.set(key, {
          kind: t.kind,
          id: t.id,
          state: old?.state ?? null,
          since: now,
          nextAt: now,
          failures: 0,
          goneBy: t.deleted ? now + FOLLOW_DELETE_MS : old?.goneBy,
        })
      }
    }
    this.pump()
  }

  /** A deleted backup's incrementals (Trove deletes them with it), followed as deleted too. */
  private withIncrementals(targets: readonly ActionTarget[]): ActionTarget[] {
    const deleted = targets.filter((t) => t.deleted && t.kind === 'backups')
    if (deleted.length === 0) return [...targets]
    const backups = this.feed.ids('backups').map((id) => {
      const parent = this.feed.get('backups', id)?.parent_id
      return { id, parent_id: typeof parent === 'string' ? parent : null }
    })
    const named = new Set(targets.map((t) => `${t.kind}:${t.id}`))
    const out = [...targets]
    for (const t of deleted) {
      for (const child of descendantsOf(backups, t.id)) {
        if (named.has(`backups:${child.id}`)) continue
        named.add(`backups:${child.id}`)
        out.push({ kind: 'backups', id: child.id, deleted: true })
      }
    }
    return out
  }

  /** The embedded cloud says these rows changed (events mode). */
  notify(changes: readonly { kind: FeedKind; id: string }[]): void {
    if (this.stopped) return
    for (const c of changes) this.queued.set(`${c.kind}:${c.id}`, c)
    this.pump()
  }

  /**
   * Resolves once the reads under way and queued are done (at most `ms`): a snapshot asked for
   * right after a write then holds what the write did.
   */
  whenIdle(ms: number): Promise<void> {
    if (!this.busy && this.queued.size === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.idleWaiters.push(done)
    })
  }

  stop(): void {
    if (this.stopped) return
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    if (this.leaveTimer) clearTimeout(this.leaveTimer)
    this.timer = this.leaveTimer = undefined
    this.o.onStop?.()
  }

  /* ------------------------------------------------------------ viewers */

  private prune(holders: Map<string, Holder>, ttl: number): void {
    const now = this.now()
    const tokenNow = this.o.tokenNow?.() ?? now
    for (const [k, h] of holders) {
      if (h.expiresAt <= tokenNow || h.seenAt + ttl <= now) holders.delete(k)
    }
  }

  /** Stops when no viewer is left and nothing an actor issued is still settling. */
  private checkIdle(): void {
    this.prune(this.viewers, this.viewerTtlMs)
    this.prune(this.actors, Infinity)
    if (this.viewers.size > 0) return
    if (this.actors.size > 0 && this.following.size > 0) return
    this.stop()
  }

  private armLeave(): void {
    if (this.leaveTimer) return
    let due = Infinity
    for (const h of this.viewers.values()) due = Math.min(due, h.seenAt + this.viewerTtlMs)
    const wait = Number.isFinite(due) ? Math.max(10, due - this.now()) : this.viewerTtlMs
    this.leaveTimer = setTimeout(() => {
      this.leaveTimer = undefined
      this.checkIdle()
      if (!this.stopped && this.viewers.size > 0) this.armLeave()
    }, wait)
    this.leaveTimer.unref?.()
  }

  /** The freshest viewer's token, else an actor's; none: nobody to read for. */
  private token(): { key: string; token: string } | undefined {
    const now = this.o.tokenNow?.() ?? this.now()
    let best: { key: string; token: string; seenAt: number } | undefined
    for (const holders of [this.viewers, this.actors]) {
      for (const [key, h] of holders) {
        if (h.expiresAt <= now || h.refused) continue
        if (!best || h.seenAt > best.seenAt) best = { key, token: h.token, seenAt: h.seenAt }
      }
      if (best) return best
    }
    return undefined
  }

  /* ------------------------------------------------------------ reads */

  private async read(path: string): Promise<unknown> {
    const holder = this.token()
    if (!holder) throw new ReadRefused(401)
    const full = `${this.o.base}${path}`
    const send = () =>
      this.o.locks.run(this.o.projectId, async () => {
        this.inFlight++
        this.stats.maxInFlight = Math.max(
          this.stats.maxInFlight,
          this.o.locks.inFlight(this.o.projectId),
        )
        try {
          return await this.o.read(full, holder.token)
        } finally {
          this.inFlight--
        }
      })
    // The same read another reader (the SPA through the gateway) has in flight is joined.
    const res = await withTimeout(
      this.o.share
        ? this.o.share.run(this.shareScope, full, `watcher ${this.feed.epoch}`, send)
        : send(),
      READ_TIMEOUT_MS,
    )
    if (res.status === 401) {
      // Not read with again until its holder asks again (the feed then validates the token with
      // Keystone anew: a revoked one gets 401 there and never comes back; its viewer leaves at
      // its TTL). The viewer is kept: the gateway also answers 401 when Keystone did not answer
      // its catalog check in time (a loaded cloud), and dropping the only viewer stopped a warm
      // watcher, so the next feed request started a cold one (a whole walk, every row reset).
      const v = this.viewers.get(holder.key)
      if (v?.token === holder.token) v.refused = true
      // An actor asks nothing more: its token is dropped (the viewers' carry on).
      this.actors.delete(holder.key)
      this.o.onTokenRefused?.(holder.key)
    }
    if (res.status === 404) return null
    if (res.status < 200 || res.status >= 300) throw new ReadRefused(res.status)
    return res.body
  }

  /** What the share keys this watcher's reads by (the gateway keys the SPA's the same way). */
  get shareScope(): string {
    return shareScope(this.o.projectId, this.o.region, this.o.roles)
  }

  /** One list page: its rows and the next page's marker (undefined: the last page). */
  private async readPage(
    kind: FeedKind,
    marker: string | undefined,
    limit: number,
  ): Promise<{ rows: FeedRow[]; next: string | undefined }> {
    const [path, fixed] = (this.allProjects ? ALL_LIST_PATH : LIST_PATH)[kind]
    const q = new URLSearchParams({ ...fixed, limit: String(limit) })
    if (marker) q.set('marker', marker)
    const body = await this.read(`${path}?${q.toString()}`)
    const parsed = LIST_SCHEMAS[kind].safeParse(body)
    if (!parsed.success) throw new ReadRefused(502)
    const rows: FeedRow[] =
      kind === 'instances'
        ? (body as { instances: FeedRow[] }).instances
        : (body as { backups: FeedRow[] }).backups
    const next = nextMarker(parsed.data.links)
    return { rows, next: next && next !== marker ? next : undefined }
  }

  private async readOne(kind: FeedKind, id: string): Promise<FeedRow | null> {
    this.stats.single++
    const show = (this.allProjects ? ALL_SHOW_PATH : SHOW_PATH)[kind]
    const body = await this.read(`${show}/${encodeURIComponent(id)}`)
    if (body === null) return null
    if (!SHOW_SCHEMAS[kind].safeParse(body).success) throw new ReadRefused(502)
    const row =
      kind === 'instances'
        ? (body as { instance: FeedRow }).instance
        : (body as { backup: FeedRow }).backup
    // The admin view still shows a deleted instance (`deleted: true`): for the feed it is gone.
    return row.deleted === true ? null : row
  }

  /**
   * Starts or stops following a row by what it was just read as; returns its next read time
   * (undefined: settled). `took`: how long the read took (the next never comes sooner).
   */
  private track(
    kind: FeedKind,
    row: FeedRow | null,
    id: string,
    at: number,
    took: number,
    /** Poll mode: when a first walk's page showed it moving (else: now, or when first followed). */
    seenAt?: number,
  ): number | undefined {
    const key = `${kind}:${id}`
    this.readAt.set(key, at)
    const old = this.following.get(key)
    const goneBy = old?.goneBy !== undefined && at < old.goneBy ? old.goneBy : undefined
    // A row the console deleted stays followed while the cloud still lists it, unless it failed.
    const deleting = row && goneBy !== undefined && !deleteFailed(row) ? 'DELETING' : null
    const state = row ? (movingState(kind, row) ?? deleting) : null
    if (state === null) {
      this.following.delete(key)
      return undefined
    }
    let since: number
    let interval: number
    if (this.o.mode === 'poll') {
      // Counted from the first sighting, whatever the state since (Horizon's table decays so).
      since = old ? old.since : Math.min(at, seenAt ?? at)
      interval = pollIntervalMs(at - since, this.pollStepMs, this.pollMaxMs)
    } else {
      since = old !== undefined && old.state === state ? old.since : at
      interval = backoffMs(at - since, this.baseMs)
    }
    const nextAt = at + Math.max(interval, took)
    this.following.set(key, { kind, id, state, since, nextAt, failures: 0, goneBy })
    return nextAt
  }

  /* ------------------------------------------------------------ the loop */

  /** The next read to make now, or the time the next one comes due. */
  private nextJob(): { run: () => Promise<void> } | { at: number } {
    const now = this.now()
    // A cold kind's first walk comes first, page after page (nothing is followed before it).
    for (const kind of KINDS) {
      if (this.feed.isWarm(kind)) continue
      if (this.walks[kind] || this.nextWalkAt[kind] <= now)
        return { run: () => this.doWalkPage(kind) }
    }
    const first = this.queued.entries().next()
    if (!first.done) {
      const [key, c] = first.value
      this.queued.delete(key)
      return { run: () => this.doOne(c.kind, c.id) }
    }
    let at = Infinity
    for (const kind of KINDS) {
      if (!this.feed.isWarm(kind)) at = Math.min(at, this.nextWalkAt[kind])
    }
    if (this.o.mode !== 'poll') return { at }
    // Due rows first (the oldest due), then the backstop walk's next page.
    let due: Follow | undefined
    for (const f of this.following.values()) {
      if (f.nextAt <= now && (!due || f.nextAt < due.nextAt)) due = f
      at = Math.min(at, f.nextAt)
    }
    if (due) {
      const d = due
      const page = this.pageOf.get(`${d.kind}:${d.id}`)
      if (page && this.movingOnPage(d.kind, page) >= this.pageReadMin)
        return { run: () => this.doPage(d.kind, page) }
      return { run: () => this.doOne(d.kind, d.id) }
    }
    for (const kind of KINDS) {
      if (this.walks[kind] || this.nextWalkAt[kind] <= now)
        return { run: () => this.doWalkPage(kind) }
      at = Math.min(at, this.nextWalkAt[kind])
    }
    return { at }
  }

  /** Followed rows that the last walk found on `page`. */
  private movingOnPage(kind: FeedKind, page: PageRef): number {
    let n = 0
    for (const f of this.following.values()) {
      if (f.kind !== kind) continue
      const p = this.pageOf.get(`${kind}:${f.id}`)
      if (p && p.marker === page.marker) n++
    }
    return n
  }

  /** The next page of a kind's walk (the first starts it; the last ends it). */
  private async doWalkPage(kind: FeedKind): Promise<void> {
    const started = this.now()
    let walk = this.walks[kind]
    if (!walk) {
      this.stats.walks++
      walk = { started, marker: undefined, rows: [], seen: new Set(), seenAt: new Map(), busy: 0 }
      this.walks[kind] = walk
    }
    try {
      this.stats.pages++
      const marker = walk.marker
      const { rows, next } = await this.readPage(kind, marker, this.pageLimit)
      const end = this.now()
      walk.busy += end - started
      const warm = this.feed.isWarm(kind)
      for (const row of rows) {
        walk.seen.add(row.id)
        if (this.o.mode === 'poll')
          this.pageOf.set(`${kind}:${row.id}`, { marker, size: rows.length })
      }
      if (warm) {
        const times = this.applyRows(kind, rows, end, 0)
        // A page of moving rows keeps its page's schedule: left to the rows' own (30 s once they
        // are old), the walk passing by put off the page's next read by up to 30 s.
        if (this.o.mode === 'poll') this.schedulePage(kind, rows, times, end, end - started, true)
      } else {
        walk.rows.push(...rows)
        for (const row of rows) walk.seenAt.set(row.id, end)
      }
      if (next && !this.stopped) {
        walk.marker = next
        return
      }
      this.walks[kind] = undefined
      this.endWalk(kind, walk, end)
      this.walkFailures[kind] = 0
      this.nextWalkAt[kind] = end + this.backstopAfter(walk, end)
    } catch {
      // The walk starts again at its backoff (a page that failed leaves a hole in it).
      const end = this.now()
      this.walks[kind] = undefined
      const f = ++this.walkFailures[kind]
      this.nextWalkAt[kind] = end + Math.max(end - started, Math.min(15_000, this.baseMs * 2 ** f))
    }
  }

  /**
   * Time from a walk's end to the next one's start: the backstop, never less than the walk took
   * (one walk at a time), nor than its pages' answers at `BACKSTOP_SHARE` of the time, up to
   * `backstopMaxMs` (the last two only where the walk is costly: a large project on real Trove).
   */
  private backstopAfter(walk: Walk, end: number): number {
    const share = Math.min(this.backstopMaxMs, walk.busy / BACKSTOP_SHARE)
    return Math.max(this.backstopMs, end - walk.started, share)
  }

  /** A walk's last page: the first walk warms the feed; later ones tell the rows gone. */
  private endWalk(kind: FeedKind, walk: Walk, end: number): void {
    if (!this.feed.isWarm(kind)) {
      this.feed.replaceAll(kind, walk.rows)
      for (const row of walk.rows) this.track(kind, row, row.id, end, 0, walk.seenAt.get(row.id))
      return
    }
    for (const id of this.feed.ids(kind)) {
      if (walk.seen.has(id)) continue
      // Read alone after the walk started (created since, followed): not gone.
      if ((this.readAt.get(`${kind}:${id}`) ?? -Infinity) >= walk.started) continue
      const before = this.feed.get(kind, id)
      if (before) this.noteTransition(kind, before, null, end)
      this.feed.remove(kind, id)
      this.following.delete(`${kind}:${id}`)
      this.pageOf.delete(`${kind}:${id}`)
      this.readAt.delete(`${kind}:${id}`)
    }
  }

  /** Rows a page answered (a walk's, a page read): their changes, then their schedules. */
  private applyRows(kind: FeedKind, rows: readonly FeedRow[], end: number, took: number): number[] {
    const next: number[] = []
    for (const row of rows) {
      const before = this.feed.get(kind, row.id)
      if (before) this.noteTransition(kind, before, row, end)
      this.feed.upsert(kind, row)
      const at = this.track(kind, row, row.id, end, took)
      if (at !== undefined) next.push(at)
    }
    return next
  }

  /**
   * A page of the last walk read again for the moving rows it holds (one request for them all):
   * its `limit` is the page's size, so it is told apart from a walk's first page.
   */
  private async doPage(kind: FeedKind, page: PageRef): Promise<void> {
    const started = this.now()
    this.stats.pageReads++
    const members = [...this.following.values()].filter(
      (f) => f.kind === kind && this.pageOf.get(`${kind}:${f.id}`)?.marker === page.marker,
    )
    try {
      const { rows } = await this.readPage(kind, page.marker, page.size)
      const end = this.now()
      const took = end - started
      const times = this.applyRows(kind, rows, end, took)
      this.schedulePage(kind, rows, times, end, took, false)
      // Followed rows the page no longer holds (the list moved): read alone from now on.
      const held = new Set(rows.map((r) => r.id))
      for (const f of members) {
        if (!held.has(f.id)) this.pageOf.delete(`${kind}:${f.id}`)
      }
    } catch {
      const end = this.now()
      for (const f of members) {
        f.failures++
        f.nextAt = end + Math.max(end - started, Math.min(15_000, this.baseMs * 2 ** f.failures))
      }
    }
  }

  /**
   * The moving rows of a page just read (a page read, or a walk's page when `pageReadMin` of them
   * share it) come due together, at what the page may cost (`pageIntervalMs`).
   */
  private schedulePage(
    kind: FeedKind,
    rows: readonly FeedRow[],
    times: readonly number[],
    end: number,
    took: number,
    onlyIfPageRead: boolean,
  ): void {
    const moving = rows.filter((r) => this.following.has(`${kind}:${r.id}`))
    if (moving.length === 0 || (onlyIfPageRead && moving.length < this.pageReadMin)) return
    const rowInterval = Math.min(...times) - end
    const at =
      end + pageIntervalMs(rowInterval, moving.length, this.pageReadMin, this.pollStepMs, took)
    for (const r of moving) {
      const f = this.following.get(`${kind}:${r.id}`)
      if (f) f.nextAt = at
    }
  }

  private async doOne(kind: FeedKind, id: string): Promise<void> {
    const started = this.now()
    try {
      const row = await this.readOne(kind, id)
      const end = this.now()
      const before = this.feed.get(kind, id)
      if (before) this.noteTransition(kind, before, row, end)
      if (row) this.feed.upsert(kind, row)
      else this.feed.remove(kind, id)
      this.track(kind, row, id, end, end - started)
    } catch {
      const end = this.now()
      const f = this.following.get(`${kind}:${id}`)
      if (f) {
        f.failures++
        f.nextAt = end + Math.max(end - started, Math.min(15_000, this.baseMs * 2 ** f.failures))
      }
    }
  }

  /** A row read again: tell its status change, if any (poll mode). */
  private noteTransition(kind: FeedKind, before: FeedRow, row: FeedRow | null, at: number): void {
    if (this.o.mode !== 'poll' || !this.o.onTransition) return
    const from = statusOf(before)
    const to = row ? statusOf(row) : 'DELETED'
    if (from === null || to === null || from === to) return
    const named = row ?? before
    this.o.onTransition({
      kind,
      id: before.id,
      projectId: this.o.projectId,
      region: this.o.region,
      name: typeof named.name === 'string' ? named.name : null,
      datastore: datastoreOf(named),
      from,
      to,
      at,
    })
  }

  /** Runs due reads one after another; then sleeps until the next comes due. */
  private pump(): void {
    if (this.busy || this.stopped) return
    this.busy = true
    void (async () => {
      try {
        for (;;) {
          if (this.stopped) return
          if (!this.token()) {
            this.checkIdle()
            return
          }
          const job = this.nextJob()
          if ('run' in job) {
            await job.run()
            continue
          }
          this.sleepUntil(job.at)
          return
        }
      } finally {
        this.busy = false
        for (const done of this.idleWaiters.splice(0)) done()
        if (this.viewers.size === 0 && !this.stopped) this.checkIdle()
      }
    })()
  }

  private sleepUntil(at: number): void {
    if (!Number.isFinite(at)) return
    if (this.timer && this.timerAt <= at) return
    if (this.timer) clearTimeout(this.timer)
    this.timerAt = at
    this.timer = setTimeout(
      () => {
        this.timer = undefined
        this.timerAt = Infinity
        this.pump()
      },
      Math.max(0, at - this.now()),
    )
    this.timer.unref?.()
  }
}
