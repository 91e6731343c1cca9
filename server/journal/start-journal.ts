import type { Hono, MiddlewareHandler } from 'hono'
import type { StateStore } from '../console-state/state-store'
import type { ChangeEvents } from '../engine/change-events'
import type { Db } from '../store/db'
import type { ActorResolver } from './actors'
import { followEngineChanges, type EngineChangeFollower } from './engine-changes'
import { createJournal, type Journal } from './journal'
import { journalMiddleware } from './journal-middleware'
import { journalRoutes } from './journal-routes'

/** The journal as a server mounts it: the store, the recording middleware, the API, the timers. */
export interface ConsoleJournal {
  journal: Journal
  middleware: MiddlewareHandler
  routes: Hono
  /** For the gateway's project watcher: a status change it saw. */
  recordTransition: Journal['recordTransition']
  /** Embedded cloud: the engine's transitions up to now are queued in the journal. */
  syncTransitions(): Promise<void>
  /** Stops the timers and the engine subscription (sync; the store stays open). */
  stop(): void
  /** Stops the timers, writes what is queued and closes the store. */
  close(): Promise<void>
}

const DEFAULT_STUCK_FLOOR_MS = 10 * 60_000
const PURGE_EVERY_MS = 6 * 3600_000

export function startJournal(opts: {
  store: StateStore
  actors: ActorResolver
  mode: 'embedded' | 'gateway'
  /** Embedded cloud: its engine's change emitter (subscribe before the engine's first tick). */
  engine?: { db: Db; changes: ChangeEvents }
  retentionDays?: number | undefined
  stuckFloorMs?: number | undefined
  now?: () => number
  /** Run the retention timer (off in tests). */
  background?: boolean
  log?: ((line: string) => void) | undefined
}): ConsoleJournal {
  const now = opts.now ?? Date.now
  const journal = createJournal(opts.store, { retentionDays: opts.retentionDays, log: opts.log })
  const background = opts.background !== false
  const follower: EngineChangeFollower | undefined = opts.engine
    ? followEngineChanges({
        db: opts.engine.db,
        journal,
        changes: opts.engine.changes,
        now,
        log: opts.log,
      })
    : undefined
  const purge = () =>
    void journal.purge(now()).catch((err: unknown) => {
      opts.log?.(
        `journal: retention purge failed: ${err instanceof Error ? err.message : String(err)}`,
      )
    })
  purge()
  const purgeTimer = background ? setInterval(purge, PURGE_EVERY_MS) : undefined
  purgeTimer?.unref()
  const syncTransitions = () => follower?.sync() ?? Promise.resolve()
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    follower?.stop()
    if (purgeTimer) clearInterval(purgeTimer)
  }
  return {
    journal,
    middleware: journalMiddleware({
      journal,
      actors: opts.actors,
      now,
      assignRequestIds: opts.mode === 'embedded',
    }),
    routes: journalRoutes({
      journal,
      actors: opts.actors,
      mode: opts.mode,
      beforeRead: syncTransitions,
      stuckFloorMs: opts.stuckFloorMs ?? DEFAULT_STUCK_FLOOR_MS,
      now,
    }),
    recordTransition: (t) => journal.recordTransition(t),
    syncTransitions,
    stop,
    async close() {
      stop()
      await syncTransitions()
      await journal.close()
    },
  }
}
