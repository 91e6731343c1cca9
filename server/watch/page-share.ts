/** A Trove answer as one reader received it (status and parsed JSON body). */
export interface SharedRead {
  status: number
  body: unknown
}

interface Entry {
  /** When the read ended (Infinity while it is in flight). */
  at: number
  pending: Promise<SharedRead>
  /** Who read it: a reader gets its own finished answers again only by reading again. */
  owner: string
  started: number
}

/** A read in flight longer than this is not joined (it may hang; see `ProjectLocks`). */
const PENDING_MAX_MS = 75_000

/** How long a finished read answers the same request of another reader; default 5 s. */
export const SHARE_MAX_AGE_MS = 5000

/**
 * Reads of one project's Trove shared between its readers (the watcher, the SPA's list walk
 * through the gateway): a GET asked while the same GET is in flight joins it, and one asked
 * within a few seconds of its end gets its answer. Keyed by scope (project, region and role set:
 * what Trove answers depends on them) and path. With `ProjectLocks` this makes a cold project's
 * two walks (the watcher's first and the SPA's first page walk) one walk at Trove.
 */
export class PageShare {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly maxAgeMs = SHARE_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The in-flight answer of `path` in `scope`, or a fresh one another reader than `owner` got
   * (a watcher reads a row again to see it now, not what it saw itself a moment ago).
   */
  peek(scope: string, path: string, owner: string): Promise<SharedRead> | undefined {
    const e = this.entries.get(keyOf(scope, path))
    if (!e) return undefined
    if (e.at === Infinity) return this.now() - e.started < PENDING_MAX_MS ? e.pending : undefined
    if (e.owner === owner || e.at + this.maxAgeMs < this.now()) return undefined
    return e.pending
  }

  /**
   * The answer of `path` in `scope`: shared when in flight or fresh, else `load()`ed (and shared).
   * Only successful answers are kept after they end; a failure is seen only by its joiners.
   */
  run(
    scope: string,
    path: string,
    owner: string,
    load: () => Promise<SharedRead>,
  ): Promise<SharedRead> {
    const hit = this.peek(scope, path, owner)
    if (hit) return hit
    this.prune()
    const key = keyOf(scope, path)
    const entry: Entry = { at: Infinity, pending: load(), owner, started: this.now() }
    this.entries.set(key, entry)
    entry.pending.then(
      (r) => {
        if (this.entries.get(key) !== entry) return
        if (r.status >= 200 && r.status < 300) entry.at = this.now()
        else this.entries.delete(key)
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key)
      },
    )
    return entry.pending
  }

  /** A write to the project: nothing read before it may answer a read after it. */
  forgetProject(projectId: string): void {
    const prefix = `${JSON.stringify(projectId)}\n`
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) this.entries.delete(key)
    }
  }

  get size(): number {
    return this.entries.size
  }

  private prune(): void {
    const now = this.now()
    for (const [key, e] of this.entries) {
      if (e.at !== Infinity && e.at + this.maxAgeMs < now) this.entries.delete(key)
    }
  }
}

/** Scopes start with the project id (JSON), so a project's entries can be dropped together. */
export function shareScope(projectId: string, region: string, roles: readonly string[]): string {
  return `${JSON.stringify(projectId)}\n${JSON.stringify([region, [...roles].sort()])}`
}

function keyOf(scope: string, path: string): string {
  return `${scope}\n${normalizePath(path)}`
}

/** The same request however its query is ordered (`?marker=a&limit=2` = `?limit=2&marker=a`). */
export function normalizePath(path: string): string {
  const q = path.indexOf('?')
  if (q < 0) return path
  const params = new URLSearchParams(path.slice(q + 1))
  params.sort()
  const s = params.toString()
  return s ? `${path.slice(0, q)}?${s}` : path.slice(0, q)
}
