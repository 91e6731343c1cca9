import type { ChangeEvent, ChangeEvents } from '../engine/change-events'
import type { FeedKind } from '../../src/api/feed/schemas'
import { PageShare } from './page-share'
import { ProjectLocks } from './project-locks'
import {
  createViewerAuth,
  troveTarget,
  type SelfFetch,
  type Viewer,
  type ViewerAuth,
} from './viewer-auth'
import { Watcher, type ActionTarget, type TroveReader, type WatchedTransition } from './watcher'

export interface WatchHubOptions {
  /** The console server itself: Keystone validation and Trove reads go through its own routes. */
  self: SelfFetch
  /** `events` on the embedded cloud (with `changes`), `poll` in gateway mode. */
  mode: 'poll' | 'events'
  changes?: ChangeEvents
  /** Full list walk interval in poll mode (default 60 s). */
  backstopMs?: number
  /** Poll mode: longest interval between two walks of a costly project (default 2 backstops). */
  backstopMaxMs?: number
  /** First read interval of a moving row (default 1 s). */
  baseMs?: number
  /** Poll mode: a moving row's read interval step (default 2.5 s, see `pollIntervalMs`). */
  pollStepMs?: number
  /** Poll mode: longest interval between two reads of a moving row (default 30 s). */
  pollMaxMs?: number
  /** A viewer that has not asked for this long has left (default 30 s). */
  viewerTtlMs?: number
  /** The watchers' clock (timers, backoff); default Date.now. */
  now?: () => number
  /** The clock token expiry is judged by (the embedded cloud's); default `now`. */
  tokenNow?: () => number
  /** Poll mode: a status change a watcher saw (the gateway's journal records it). */
  onTransition?: (t: WatchedTransition) => void
  /** The server's log: each watcher's start and stop, with what it read. */
  log?: (line: string) => void
}

export type WatcherResult =
  { ok: true; watcher: Watcher } | { ok: false; status: 403 | 404; message: string }

const KIND_OF_EVENT: Record<ChangeEvent['kind'], FeedKind> = {
  instance: 'instances',
  backup: 'backups',
}

/** The changes of every project, per region (what an all-projects watcher follows). */
function regionsOf(
  byScope: ReadonlyMap<string, { kind: FeedKind; id: string }[]>,
): Map<string, { kind: FeedKind; id: string }[]> {
  const out = new Map<string, { kind: FeedKind; id: string }[]>()
  for (const [scope, changes] of byScope) {
    const [, region] = JSON.parse(scope) as [string, string]
    const list = out.get(region)
    if (list) list.push(...changes)
    else out.set(region, [...changes])
  }
  return out
}

/**
 * The row an action's path names (`/instances/{id}/action`, `/backups/{id}`), if any; `deleted`
 * when the action is that row's own delete (`DELETE /backups/{id}`, not a user or database
 * under an instance): the watcher then follows it until the cloud stops listing it.
 */
export function actionTarget(rest: string, method = 'POST'): ActionTarget | undefined {
  const m = /^\/(instances|backups)\/([^/?]+)(\/[^?]*)?/.exec(rest)
  if (!m?.[1] || !m[2]) return undefined
  let id: string
  try {
    id = decodeURIComponent(m[2])
  } catch {
    return undefined
  }
  if (id === 'detail') return undefined
  const kind = m[1] === 'instances' ? 'instances' : 'backups'
  const deleted = method === 'DELETE' && (m[3] ?? '/') === '/'
  return deleted ? { kind, id, deleted } : { kind, id }
}

/**
 * The console server's watchers: one per project, region and role set, made for the first viewer
 * and dropped when the last one has left (and nothing it issued is settling).
 */
export class WatchHub {
  readonly auth: ViewerAuth
  readonly locks = new ProjectLocks()
  /** Reads shared by a project's readers (gateway mode: the watcher and the SPA's reads). */
  readonly share = new PageShare()
  private readonly watchers = new Map<string, Watcher>()
  private readonly read: TroveReader
  private readonly unsubscribe: (() => void) | undefined

  constructor(private readonly o: WatchHubOptions) {
    this.auth = createViewerAuth({ self: o.self, now: o.tokenNow ?? o.now })
    this.read = async (path, token) => {
      const res = await o.self(path, {
        headers: { 'X-Auth-Token': token, Accept: 'application/json' },
      })
      const text = await res.text()
      let body: unknown
      try {
        body = text ? JSON.parse(text) : null
      } catch {
        body = text
      }
      return { status: res.status, body }
    }
    this.unsubscribe = o.changes?.subscribe((events) => this.onEvents(events))
  }

  static keyOf(
    projectId: string,
    region: string,
    roles: readonly string[],
    allProjects = false,
  ): string {
    const key: unknown[] = [projectId, region, [...roles].sort()]
    // The admin's all-projects watcher is another watcher than its project's (other rows).
    if (allProjects) key.push('all-projects')
    return JSON.stringify(key)
  }

  /**
   * The viewer's watcher for `region`: only its own project (or, `allProjects`, every project
   * through its admin token: the caller has checked the role), only a region its catalog has.
   */
  watcherFor(viewer: Viewer, region: string, create = true, allProjects = false): WatcherResult {
    const base = viewer.troveBase.get(region)
    if (base === undefined) {
      return {
        ok: false,
        status: 404,
        message: `Region ${region} has no database service in your token's catalog.`,
      }
    }
    const key = WatchHub.keyOf(viewer.projectId, region, viewer.roles, allProjects)
    let w = this.watchers.get(key)
    if (!w && create) {
      const what = `project ${viewer.projectId} region ${region}${allProjects ? ' (all projects)' : ''}`
      const started = Date.now()
      const made: Watcher = new Watcher({
        projectId: viewer.projectId,
        region,
        roles: viewer.roles,
        allProjects,
        base,
        read: this.read,
        locks: this.locks,
        ...(this.o.mode === 'poll' ? { share: this.share } : {}),
        mode: this.o.mode,
        backstopMs: this.o.backstopMs,
        backstopMaxMs: this.o.backstopMaxMs,
        baseMs: this.o.baseMs,
        pollStepMs: this.o.pollStepMs,
        pollMaxMs: this.o.pollMaxMs,
        viewerTtlMs: this.o.viewerTtlMs,
        now: this.o.now,
        tokenNow: this.o.tokenNow,
        onStop: () => {
          if (this.watchers.get(key) === made) this.watchers.delete(key)
          const { walks, pages, pageReads, single } = made.stats
          const secs = Math.round((Date.now() - started) / 1000)
          this.o.log?.(
            `watcher stopped: ${what} after ${secs} s (${walks} walks, ${pages} walk pages, ${pageReads} page reads, ${single} single reads)`,
          )
        },
        onTokenRefused: (k) => this.auth.forget(k),
        onTransition: this.o.onTransition,
      })
      w = made
      this.watchers.set(key, made)
      this.o.log?.(`watcher started: ${what} (${this.o.mode} mode)`)
    }
    if (!w) return { ok: false, status: 404, message: 'No watcher.' }
    return { ok: true, watcher: w }
  }

  /**
   * An action issued through the console: keep following what it set moving, the row its path
   * names (`/instances/{id}...`, `/backups/{id}`) and `also` (what its answer names: a created
   * instance or backup, a backup's instance).
   */
  noteAction(
    viewer: Viewer,
    path: string,
    also: readonly { kind: FeedKind; id: string }[] = [],
    method = 'POST',
  ): void {
    const target = troveTarget(viewer, path)
    if (!target) return
    const named = actionTarget(path.slice(target.base.length), method)
    const targets: ActionTarget[] = named ? [named, ...also] : [...also]
    for (const all of [false, true]) {
      const found = this.watcherFor(viewer, target.region, false, all)
      if (found.ok) found.watcher.noteActor(viewer, targets)
    }
  }

  /** Watchers running now (tests, benches). */
  list(): Watcher[] {
    return [...this.watchers.values()]
  }

  get size(): number {
    return this.watchers.size
  }

  private onEvents(events: readonly ChangeEvent[]): void {
    if (this.watchers.size === 0) return
    const byScope = new Map<string, { kind: FeedKind; id: string }[]>()
    for (const e of events) {
      const scope = JSON.stringify([e.projectId, e.region])
      let list = byScope.get(scope)
      if (!list) byScope.set(scope, (list = []))
      list.push({ kind: KIND_OF_EVENT[e.kind], id: e.id })
      // A running backup shows on its instance (status BACKUP): read that too.
      if (e.instanceId) list.push({ kind: 'instances', id: e.instanceId })
    }
    let byRegion: Map<string, { kind: FeedKind; id: string }[]> | undefined
    for (const w of this.watchers.values()) {
      if (w.allProjects) {
        byRegion ??= regionsOf(byScope)
        const changes = byRegion.get(w.region)
        if (changes) w.notify(changes)
        continue
      }
      const changes = byScope.get(JSON.stringify([w.projectId, w.region]))
      if (changes) w.notify(changes)
    }
  }

  close(): void {
    this.unsubscribe?.()
    for (const w of [...this.watchers.values()]) w.stop()
    this.watchers.clear()
  }
}
