import type { Hono, MiddlewareHandler } from 'hono'
import type { StateStore } from '../console-state/state-store'
import type { Db } from '../store/db'
import type { ActorResolver } from './actors'
import { followEngineTransitions, type EngineTransitionFollower } from './engine-transitions'
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
  /** Embedded cloud: records the engine's transitions up to now. */
  syncTransitions(): Promise<void>
  /** Stops the timers (sync; the store stays open). */
  stop(): void
  /** Stops the timers, writes what is queued and closes the store. */
  close(): Promise<void>
}

const DEFAULT_STUCK_FLOOR_MS = 10 * 60_000
const PURGE_EVERY_MS = 6 * 3600_000
const FOLLOW_EVERY_MS = 250

export function startJournal(opts: {
  store: StateStore
  actors: ActorResolver
  mode: 'embedded' | 'gateway'
  /** Embedded cloud: follow its engine's transitions. */
  engine?: { db: Db; cloudKey: string }
  retentionDays?: number | undefined
  stuckFloorMs?: number | undefined
  now?: () => number
  /** Run the follow and retention timers (off in tests, which call syncTransitions()). */
  background?: boolean
  log?: ((line: string) => void) | undefined
}): ConsoleJournal {
  const now = opts.now ?? Date.now
  const journal = createJournal(opts.store, { retentionDays: opts.retentionDays, log: opts.log })
  const background = opts.background !== false
  const follower: EngineTransitionFollower | undefined = opts.engine
    ? followEngineTransitions({
        db: opts.engine.db,
        journal,
        cloudKey: opts.engine.cloudKey,
        everyMs: background ? FOLLOW_EVERY_MS : 0,
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
