import type { JournalEntry, JournalResourceKind } from '@/api/journal/schemas'
import type { SqlRow, SqlValue, StateStore } from '../console-state/state-store'
import type { NotedRequest, PendingEntry } from './journal-entry'
import { mainThreadWriter, workerWriter, type JournalWriter } from './journal-writer'

/** One row as written (times in ms). `summary` is already redacted JSON text. */
export interface JournalRecord {
  at: number
  kind: 'request' | 'transition'
  source: 'console' | 'engine' | 'watcher'
  region: string | null
  projectId: string | null
  projectName: string | null
  userId: string | null
  userName: string | null
  method: string | null
  path: string | null
  resourceKind: JournalResourceKind
  resourceId: string | null
  resourceName: string | null
  action: string
  summary: string | null
  status: number | null
  requestId: string | null
  fromStatus: string | null
  toStatus: string | null
  previousMs: number | null
  datastore: string | null
}

/** A status change seen by the engine (embedded) or the project watcher (gateway). */
export interface TransitionInput {
  at: number
  source: 'engine' | 'watcher'
  region: string | null
  projectId: string | null
  resourceKind: 'instance' | 'backup' | 'service'
  resourceId: string
  resourceName?: string | null
  from: string | null
  to: string
  /** How long `from` lasted; when omitted, taken from the previous transition this server saw. */
  previousMs?: number | null
  datastore?: string | null
}

export interface JournalFilter {
  /** undefined: every project (admin). */
  projectId?: string | undefined
  region?: string | undefined
  kind?: JournalResourceKind | undefined
  resource?: string | undefined
  actor?: string | undefined
  action?: string | undefined
  status?: string | undefined
  type?: 'request' | 'transition' | undefined
  fromMs?: number | undefined
  toMs?: number | undefined
  /** Entries with a smaller id (older). */
  beforeId?: number | undefined
  limit: number
}

/** A transition row with what stuck detection needs. */
export interface TransitionRow {
  resourceKind: JournalResourceKind
  resourceId: string
  resourceName: string | null
  region: string | null
  projectId: string | null
  toStatus: string
  at: number
  datastore: string | null
}

export interface Journal {
  readonly store: StateStore
  readonly retentionDays: number
  /** Where entries are built and written: a worker thread (SQLite file) or the main thread. */
  readonly writesIn: 'worker' | 'main'
  /** Where entries will be written once the writer thread has started (or failed to). */
  readonly writerStarted: Promise<'worker' | 'main'>
  /** Queues an entry; written with the next flush (at most `FLUSH_EVERY_MS` later, one transaction). */
  append(record: JournalRecord): void
  /**
   * Queues a request noted on the request path; what it waits for (the actor, a create's answer)
   * is awaited at the flush, and its entry is built (parsing, redaction) by the writer, in the
   * writer thread on a SQLite file. Resolving to null records nothing.
   */
  appendLater(note: () => Promise<NotedRequest | null>): void
  /** Records a status change (once: a change to the status last recorded for it is no change). */
  recordTransition(t: TransitionInput): void
  /** What the journal last recorded per resource (after a restart), for the durations of the next transitions. */
  primeLastSeen(rows: readonly TransitionRow[]): void
  /** Writes the queue now; resolves when everything appended so far is stored. */
  flush(): Promise<void>
  list(filter: JournalFilter): Promise<JournalEntry[]>
  /** Durations (ms) spent in `status`, newest first, per datastore (null = unknown). */
  durations(
    kind: JournalResourceKind,
    status: string,
    limit: number,
  ): Promise<Map<string | null, number[]>>
  /** The latest transition of each resource in the scope (the status it is in now, as far as the journal knows). */
  latestTransitions(
    projectId: string | undefined,
    region: string | undefined,
  ): Promise<TransitionRow[]>
  /** Deletes entries older than the retention; returns how many. */
  purge(now: number): Promise<number>
  close(): Promise<void>
}

interface EntryRow extends SqlRow {
  id: number
  at: number
  kind: JournalEntry['kind']
  source: JournalEntry['source']
  region: string | null
  project_id: string | null
  project_name: string | null
  user_id: string | null
  user_name: string | null
  method: string | null
  path: string | null
  resource_kind: JournalResourceKind
  resource_id: string | null
  resource_name: string | null
  action: string
  summary: string | null
  status: number | null
  request_id: string | null
  from_status: string | null
  to_status: string | null
  previous_ms: number | null
  datastore: string | null
}

function parseSummary(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

export function entryFromRow(r: EntryRow): JournalEntry {
  return {
    id: Number(r.id),
    at: new Date(Number(r.at)).toISOString(),
    kind: r.kind,
    source: r.source,
    region: r.region,
    projectId: r.project_id,
    projectName: r.project_name,
    userId: r.user_id,
    userName: r.user_name,
    method: r.method,
    path: r.path,
    resourceKind: r.resource_kind,
    resourceId: r.resource_id,
    resourceName: r.resource_name,
    action: r.action,
    summary: parseSummary(r.summary),
    status: r.status === null ? null : Number(r.status),
    requestId: r.request_id,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    previousMs: r.previous_ms === null ? null : Number(r.previous_ms),
    datastore: r.datastore,
  }
}

/** The WHERE clause of a journal read (values bound, never spliced). */
export function whereClause(f: JournalFilter): { sql: string; params: SqlValue[] } {
  const parts: string[] = []
  const params: SqlValue[] = []
  const add = (sql: string, ...p: SqlValue[]) => {
    parts.push(sql)
    params.push(...p)
  }
  if (f.projectId !== undefined) add('project_id = ?', f.projectId)
  if (f.region) add('region = ?', f.region)
  if (f.kind) add('resource_kind = ?', f.kind)
  if (f.resource) add('(resource_id = ? OR resource_name = ?)', f.resource, f.resource)
  if (f.actor) add('(user_name = ? OR user_id = ?)', f.actor, f.actor)
  if (f.action) add('action = ?', f.action)
  if (f.type) add('kind = ?', f.type)
  if (f.status) {
    const cls = /^([2-5])xx$/.exec(f.status)
    if (cls) add('status >= ? AND status < ?', Number(cls[1]) * 100, Number(cls[1]) * 100 + 100)
    else add('to_status = ?', f.status)
  }
  if (f.fromMs !== undefined) add('at >= ?', f.fromMs)
  if (f.toMs !== undefined) add('at <= ?', f.toMs)
  if (f.beforeId !== undefined) add('id < ?', f.beforeId)
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

const DAY_MS = 86_400_000

/**
 * The journal's crash window: entries wait in memory at most this long (or until
 * `FLUSH_AT_ENTRIES` are queued), then one transaction writes them all. A SIGKILL loses at most
 * the entries of the last window (journal-crash.test.ts); a shutdown (SIGTERM/SIGINT) writes them.
 */
export const FLUSH_EVERY_MS = 20
export const FLUSH_AT_ENTRIES = 500

type Pending = PendingEntry | (() => Promise<NotedRequest | null>)

export function createJournal(
  store: StateStore,
  opts: {
    retentionDays?: number | undefined
    /** How long an entry may wait in memory before its batch is written (default FLUSH_EVERY_MS). */
    flushEveryMs?: number | undefined
    log?: ((line: string) => void) | undefined
    /**
     * 'worker' (default when the store is a SQLite file): entries are built and written in a
     * worker thread with its own connection; 'main': on the event loop, through the store.
     */
    writer?: 'worker' | 'main' | undefined
    /** Told after each stored batch (bench): rows written and the time the build and write took. */
    onWritten?: ((rows: number, ms: number) => void) | undefined
  } = {},
): Journal {
  const retentionDays = opts.retentionDays ?? 30
  const flushEveryMs = opts.flushEveryMs ?? FLUSH_EVERY_MS
  const log = (line: string) => opts.log?.(line)
  const onMain = mainThreadWriter(store, log)
  const writer: JournalWriter =
    opts.writer !== 'main' && store.backend === 'sqlite' && store.file
      ? workerWriter({ file: store.file, fallback: onMain, log })
      : onMain
  let pending: Pending[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let writing: Promise<void> = Promise.resolve()
  /** resource id -> the last transition this server saw (for `previousMs` when the caller has none). */
  const lastSeen = new Map<string, { status: string; at: number }>()
  const fail = (what: string, err: unknown) =>
    opts.log?.(`journal: ${what}: ${err instanceof Error ? err.message : String(err)}`)

  const writeBatch = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = undefined
    const batch = pending
    pending = []
    if (batch.length === 0) return writing
    writing = writing
      .then(async () => {
        // Only the awaits (actor, a create's answer) happen here; the writer builds the entries.
        const settled = await Promise.all(
          batch.map((p): PendingEntry | null | Promise<PendingEntry | null> =>
            typeof p === 'function'
              ? p().then(
                  (request) => (request ? { kind: 'request', request } : null),
                  (err: unknown) => {
                    fail('an entry could not be built', err)
                    return null
                  },
                )
              : p,
          ),
        )
        const items = settled.filter((p): p is PendingEntry => p !== null)
        if (items.length === 0) return
        const written = await writer.write(items)
        opts.onWritten?.(written.rows, written.ms)
      })
      .catch((err: unknown) => fail(`${batch.length} entries not written`, err))
    return writing
  }

  const enqueue = (p: Pending) => {
    pending.push(p)
    if (pending.length >= FLUSH_AT_ENTRIES) void writeBatch()
    else timer ??= setTimeout(() => void writeBatch(), flushEveryMs)
  }
  const append = (record: JournalRecord) => enqueue({ kind: 'record', record })

  const recordTransition = (t: TransitionInput) => {
    const key = `${t.resourceKind}:${t.resourceId}`
    const prev = lastSeen.get(key)
    // Two watchers of one project (two role sets) see the same change: it is recorded once.
    if (prev && prev.status === t.to) return
    const previousMs =
      t.previousMs !== undefined
        ? t.previousMs
        : prev && prev.status === t.from
          ? Math.max(0, t.at - prev.at)
          : null
    // DELETED is kept too: a second watcher that sees the row gone records nothing.
    lastSeen.set(key, { status: t.to, at: t.at })
    append({
      at: t.at,
      kind: 'transition',
      source: t.source,
      region: t.region,
      projectId: t.projectId,
      projectName: null,
      userId: null,
      userName: null,
      method: null,
      path: null,
      resourceKind: t.resourceKind,
      resourceId: t.resourceId,
      resourceName: t.resourceName ?? null,
      action: 'status',
      summary: null,
      status: null,
      requestId: null,
      fromStatus: t.from,
      toStatus: t.to,
      previousMs,
      datastore: t.datastore ?? null,
    })
  }

  return {
    store,
    retentionDays,
    get writesIn() {
      return writer.thread
    },
    writerStarted: writer.started,
    append,
    appendLater: enqueue,
    recordTransition,
    primeLastSeen(rows) {
      for (const r of rows) {
        const key = `${r.resourceKind}:${r.resourceId}`
        if (!lastSeen.has(key)) lastSeen.set(key, { status: r.toStatus, at: r.at })
      }
    },
    flush: writeBatch,
    async list(filter) {
      await writeBatch()
      const { sql, params } = whereClause(filter)
      const rows = await store.query<EntryRow>(
        `SELECT * FROM journal_entries ${sql} ORDER BY id DESC LIMIT ?`,
        [...params, filter.limit],
      )
      return rows.map(entryFromRow)
    },
    async durations(kind, status, limit) {
      await writeBatch()
      const rows = await store.query<{ datastore: string | null; previous_ms: number }>(
        `SELECT datastore, previous_ms FROM journal_entries
         WHERE kind = 'transition' AND from_status = ? AND resource_kind = ? AND previous_ms IS NOT NULL
         ORDER BY id DESC LIMIT ?`,
        [status, kind, limit],
      )
      const out = new Map<string | null, number[]>()
      for (const r of rows) {
        const list = out.get(r.datastore) ?? []
        list.push(Number(r.previous_ms))
        out.set(r.datastore, list)
      }
      return out
    },
    async latestTransitions(projectId, region) {
      await writeBatch()
      const { sql, params } = whereClause({ projectId, region, type: 'transition', limit: 0 })
      const rows = await store.query<EntryRow>(
        `SELECT * FROM journal_entries WHERE id IN (
           SELECT MAX(id) FROM journal_entries ${sql} GROUP BY resource_kind, resource_id
         )`,
        params,
      )
      return rows
        .filter((r) => r.resource_id !== null && r.to_status !== null)
        .map((r) => ({
          resourceKind: r.resource_kind,
          resourceId: r.resource_id ?? '',
          resourceName: r.resource_name,
          region: r.region,
          projectId: r.project_id,
          toStatus: r.to_status ?? '',
          at: Number(r.at),
          datastore: r.datastore,
        }))
    },
    async purge(now) {
      await writeBatch()
      return store.run('DELETE FROM journal_entries WHERE at < ?', [now - retentionDays * DAY_MS])
    },
    async close() {
      await writeBatch()
      await writer.close()
      await store.close()
    },
  }
}
