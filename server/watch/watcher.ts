import { z } from 'zod'
import type { FeedKind } from '../../src/api/feed/schemas'
import {
  POLL_MAX_MS,
  backoffMs,
  isBackupTransitional,
  isTransitional,
} from '../../src/api/rules/resource-motion'
import { FeedLog, type FeedRow } from './feed-log'
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
   * `poll`: a real cloud (gateway): moving rows are read one by one at their backoff and the lists
   * walked every `backstopMs`. `events`: the embedded cloud tells each change (`notify`): rows
   * are read when they change, never on a timer.
   */
  mode: 'poll' | 'events'
  /** Full list walk interval in poll mode (new and deleted rows); default 60 s. */
  backstopMs?: number
  /** Events mode: first read interval of a moving row (it backs off to 15 s); default 1 s. */
  baseMs?: number
  /**
   * Poll mode: a moving row's n-th read in the same state comes n steps after the last one (as
   * Horizon's row polling decays), up to `pollMaxMs`; default 2.5 s (Horizon's poll interval).
   */
  pollStepMs?: number
  /** Poll mode: longest interval between two reads of a moving row; default 15 s. */
  pollMaxMs?: number
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
  state: string
  since: number
  /** Times it was read (alone or in a walk's page) in this state. */
  reads: number
  nextAt: number
  failures: number
}

interface Holder {
  token: string
  expiresAt: number
  seenAt: number
}

export interface WatcherStats {
  /** Reads sent to Trove, by what they were. */
  walks: number
  pages: number
  single: number
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

/** The transitional state to follow, or null once settled. */
export function movingState(kind: FeedKind, row: FeedRow): string | null {
  const status = typeof row.status === 'string' ? row.status : ''
  if (kind === 'backups') return isBackupTransitional({ status }) ? status : null
  const op = typeof row.operating_status === 'string' ? row.operating_status : undefined
  return isTransitional({ status, operating_status: op }) ? `${status}/${op ?? ''}` : null
}

/**
 * Poll mode: how long after its `reads`-th read in one state a moving row is read again: `reads`
 * steps, at most `maxMs`. A row found moving is read at 1, 2, 3, ... steps (2.5, 7.5, 15, 25 s
 * with a 2.5 s step), as often as Horizon polls a row it shows, never more; a row that changes
 * state starts again at one step. A walk's page that holds the row counts as a read of it.
 */
export function pollIntervalMs(reads: number, stepMs: number, maxMs: number): number {
  return Math.min(maxMs, stepMs * Math.max(1, reads))
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
  readonly stats: WatcherStats = { walks: 0, pages: 0, single: 0, maxInFlight: 0 }
  private readonly viewers = new Map<string, Holder>()
  /** Actors of actions issued through the console: followed to the end while their token holds. */
  private readonly actors = new Map<string, Holder>()
  private readonly following = new Map<string, Follow>()
  /** Rows the embedded cloud said changed, to read (events mode). */
  private readonly queued = new Map<string, { kind: FeedKind; id: string }>()
  private readonly walkFailures: Record<FeedKind, number> = { instances: 0, backups: 0 }
  private nextWalkAt: Record<FeedKind, number> = { instances: 0, backups: 0 }
  /** Walks asked for (an action through the console); one asked during a walk runs after it. */
  private walkAsks: Record<FeedKind, number> = { instances: 0, backups: 0 }
  private timer: ReturnType<typeof setTimeout> | undefined
  private timerAt = Infinity
  private leaveTimer: ReturnType<typeof setTimeout> | undefined
  private busy = false
  private idleWaiters: (() => void)[] = []
  private inFlight = 0
  private stopped = false
  private readonly now: () => number
  private readonly backstopMs: number
  private readonly baseMs: number
  private readonly pollStepMs: number
  private readonly pollMaxMs: number
  private readonly viewerTtlMs: number
  private readonly pageLimit: number

  constructor(private readonly o: WatcherOptions) {
    this.now = o.now ?? Date.now
    this.backstopMs = o.backstopMs ?? 60_000
    this.baseMs = o.baseMs ?? 1000
    this.pollStepMs = o.pollStepMs ?? 2500
    this.pollMaxMs = o.pollMaxMs ?? POLL_MAX_MS
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

  /** An action issued through the console by `v`: what it set moving is followed to the end. */
  noteActor(v: Viewer): void {
    if (this.stopped) return
    this.actors.set(v.key, { token: v.token, expiresAt: v.expiresAt, seenAt: this.now() })
    if (this.o.mode === 'poll') {
      this.nextWalkAt = { instances: 0, backups: 0 }
      for (const kind of KINDS) this.walkAsks[kind]++
    }
    this.pump()
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
        if (h.expiresAt <= now) continue
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
    return this.o.locks.run(this.o.projectId, async () => {
      this.inFlight++
      this.stats.maxInFlight = Math.max(
        this.stats.maxInFlight,
        this.o.locks.inFlight(this.o.projectId),
      )
      try {
        const res = await this.o.read(`${this.o.base}${path}`, holder.token)
        if (res.status === 401) {
          this.viewers.delete(holder.key)
          this.actors.delete(holder.key)
          this.o.onTokenRefused?.(holder.key)
        }
        if (res.status === 404) return null
        if (res.status < 200 || res.status >= 300) throw new ReadRefused(res.status)
        return res.body
      } finally {
        this.inFlight--
      }
    })
  }

  /** Every row of a kind, a page at a time (`limit` + `marker`, as long as Trove says `next`). */
  private async walk(kind: FeedKind): Promise<FeedRow[]> {
    this.stats.walks++
    const rows: FeedRow[] = []
    let marker: string | undefined
    const [path, fixed] = (this.allProjects ? ALL_LIST_PATH : LIST_PATH)[kind]
    for (;;) {
      const q = new URLSearchParams({ ...fixed, limit: String(this.pageLimit) })
      if (marker) q.set('marker', marker)
      this.stats.pages++
      const body = await this.read(`${path}?${q.toString()}`)
      const parsed = LIST_SCHEMAS[kind].safeParse(body)
      if (!parsed.success) throw new ReadRefused(502)
      const page: FeedRow[] =
        kind === 'instances'
          ? (body as { instances: FeedRow[] }).instances
          : (body as { backups: FeedRow[] }).backups
      rows.push(...page)
      const next = nextMarker(parsed.data.links)
      if (!next || next === marker || this.stopped) return rows
      marker = next
    }
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

  /** Starts or stops following a row by what it was just read as. */
  private track(kind: FeedKind, row: FeedRow | null, id: string, at: number, took: number): void {
    const key = `${kind}:${id}`
    const state = row ? movingState(kind, row) : null
    if (state === null) {
      this.following.delete(key)
      return
    }
    const old = this.following.get(key)
    const same = old !== undefined && old.state === state
    const since = same ? old.since : at
    const reads = same ? old.reads + 1 : 1
    const interval =
      this.o.mode === 'poll'
        ? pollIntervalMs(reads, this.pollStepMs, this.pollMaxMs)
        : backoffMs(at - since, this.baseMs)
    const wait = Math.max(interval, took)
    this.following.set(key, { kind, id, state, since, reads, nextAt: at + wait, failures: 0 })
  }

  /* ------------------------------------------------------------ the loop */

  /** The next read to make now, or the time the next one comes due. */
  private nextJob(): { run: () => Promise<void> } | { at: number } {
    const now = this.now()
    for (const kind of KINDS) {
      const due = this.nextWalkAt[kind]
      const walkDue = !this.feed.isWarm(kind) || this.o.mode === 'poll'
      if (walkDue && due <= now) return { run: () => this.doWalk(kind) }
    }
    const first = this.queued.entries().next()
    if (!first.done) {
      const [key, c] = first.value
      this.queued.delete(key)
      return { run: () => this.doOne(c.kind, c.id) }
    }
    let at = Infinity
    for (const kind of KINDS) {
      if (!this.feed.isWarm(kind) || this.o.mode === 'poll')
        at = Math.min(at, this.nextWalkAt[kind])
    }
    if (this.o.mode === 'poll') {
      let due: Follow | undefined
      for (const f of this.following.values()) {
        if (f.nextAt <= now && (!due || f.nextAt < due.nextAt)) due = f
        at = Math.min(at, f.nextAt)
      }
      if (due) {
        const d = due
        return { run: () => this.doOne(d.kind, d.id) }
      }
    }
    return { at }
  }

  private async doWalk(kind: FeedKind): Promise<void> {
    const started = this.now()
    const asked = this.walkAsks[kind]
    try {
      const rows = await this.walk(kind)
      const end = this.now()
      const warm = this.feed.isWarm(kind)
      if (warm) this.noteTransitions(kind, rows, end)
      this.feed.replaceAll(kind, rows)
      for (const key of [...this.following.keys()]) {
        if (key.startsWith(`${kind}:`) && !this.feed.get(kind, key.slice(kind.length + 1)))
          this.following.delete(key)
      }
      for (const row of rows) this.track(kind, row, row.id, end, 0)
      this.walkFailures[kind] = 0
      // An action issued while this walk was under way may have created a row the walk's pages
      // were read too early to hold: walk again now rather than at the backstop.
      this.nextWalkAt[kind] =
        this.walkAsks[kind] !== asked ? end : end + Math.max(this.backstopMs, end - started)
    } catch {
      const end = this.now()
      const f = ++this.walkFailures[kind]
      this.nextWalkAt[kind] = end + Math.max(end - started, Math.min(15_000, this.baseMs * 2 ** f))
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

  /** A full walk against what the watcher held: changed rows and rows gone. */
  private noteTransitions(kind: FeedKind, rows: readonly FeedRow[], at: number): void {
    if (this.o.mode !== 'poll' || !this.o.onTransition) return
    const seen = new Set<string>()
    for (const row of rows) {
      seen.add(row.id)
      const before = this.feed.get(kind, row.id)
      if (before) this.noteTransition(kind, before, row, at)
    }
    for (const id of this.feed.ids(kind)) {
      const before = this.feed.get(kind, id)
      if (!seen.has(id) && before) this.noteTransition(kind, before, null, at)
    }
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
