import { Hono } from 'hono'
import { openDb, type Db } from './store/db'
import { seedIfEmpty } from './seed/seed'
import { seedDemoInstances } from './seed/demo-instances'
import { seedParameters } from './seed/parameters'
import { systemClock, type Clock } from './engine/clock'
import { createEngine, type Engine } from './engine/engine'
import { identityRoutes } from './identity/routes'
import { troveRoutes } from './trove/router'
import { versionsDocument, wantsJson } from './trove/versions'
import { listRegions } from './store/catalog-queries'
import { dbaasRoutes } from './dbaas/router'
import { networkRoutes } from './network/network-routes'
import { registerStatic } from './static'
import { purgeExpiredTokens } from './store/identity-queries'
import { securityHeaders } from './security-headers'
import {
  DEFAULT_MAX_BODY_BYTES,
  apiErrorResponse,
  malformedUrlGuard,
  rawPath,
  requestBodyLimit,
} from './request-guards'
import { publicOriginGuard, type ProxyOptions } from './public-origin'
import type { LoginThrottleOptions } from './identity/login-throttle'
import {
  RETRY_AFTER_SECONDS,
  createFaultLog,
  storageFaultKind,
  storageFaultMessage,
} from './store/faults'
import { contentTypeGuard } from './content-type-guard'
import type { SessionStore } from './sessions/session-store'
import { createStateSessionStore } from './sessions/state-session-store'
import { defaultStatePath } from './console-state/open-state-store'
import { createSessionLayer } from './sessions/session-layer'
import { compressAndValidate } from './compression'
import { createChangeEvents, type ChangeEvents } from './engine/change-events'
import { WatchHub } from './watch/watch-hub'
import { feedRoutes } from './watch/feed-routes'
import type { StateStore } from './console-state/state-store'
import { openSqliteStateStore } from './console-state/sqlite-state-store'
import { startJournal, type ConsoleJournal } from './journal/start-journal'
import { embeddedActors } from './journal/actors'
import { consoleConfigRoutes } from './console-config/config-routes'
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../src/api/rules/password-strength'

export interface CloudOptions {
  /** SQLite file, or ':memory:'. */
  dbPath: string
  clock?: Clock
  /** Multiplier on task durations (1 realistic, 0.1 ten times faster). */
  taskSpeed?: number
  /** Token lifetime in seconds. */
  tokenTtl?: number
  pageSizeMax?: number
  /** Largest volume (GB) a create or resize accepts. */
  maxVolumeSize?: number
  /** Serve the built SPA from this folder (omit to serve only the APIs). */
  staticDir?: string
  /** Largest request body in bytes (larger ones get 413); default 1 MiB. */
  maxBodyBytes?: number
  /** Ensure project demo has this many ACTIVE instances in RegionOne. */
  demoInstances?: number
  /** Public URL and trusted proxies: what catalogs and links point at (public-origin.ts). */
  proxy?: ProxyOptions
  /** Failed-login lockouts (identity/login-throttle.ts); on by default. */
  loginThrottle?: LoginThrottleOptions
  /** Trove rate limit per tenant and verb, per minute (Trove's 200 by default); 0: not enforced. */
  rateLimitPerMinute?: number
  /**
   * Console extension (off by default, `--extension-postgresql-users`): manage users and
   * databases of PostgreSQL instances through the Trove API, which real Trove 18 refuses.
   */
  postgresqlUsersExtension?: boolean
  /** Run the background ticker (off in tests, which call engine.tick() themselves). */
  autoTick?: boolean
  /** Console sessions (cookie -> token); default: in the console's state store. */
  sessions?: SessionStore
  /** Mark the session cookie Secure on http URLs too (TLS ends at a proxy). */
  secureCookie?: boolean
  /** The console forms' password policy (`--password-policy`); the Trove face never applies it. */
  passwordPolicy?: PasswordPolicy
  log?: (msg: string) => void
  /** The console's own state (the journal); default: an in-memory SQLite store. */
  stateStore?: StateStore
  /** Journal entries older than this are deleted (default 30). */
  journalRetentionDays?: number
  /** Stuck detection flags nothing in its state for less than this (ms; default 10 min). */
  stuckFloorMs?: number
}

export interface Cloud {
  app: Hono
  engine: Engine
  store: Db
  clock: Clock
  /** Every create, change and delete of an instance (= DBaaS service) or backup. */
  changes: ChangeEvents
  /** The console server's watchers (the change feed). */
  watch: WatchHub
  /** The operations journal (issue 17). */
  journal: ConsoleJournal
  /**
   * Stops the timers and closes the stores. What is synchronous happens at once; the promise
   * settles when the journal's writer thread (of a state store the cloud opened itself) has
   * written what was queued and exited, so its files can be removed.
   */
  close(): Promise<void>
}

/** The embedded local cloud: Keystone, Trove per region, the task engine, the SPA. */
export function createCloud(opts: CloudOptions): Cloud {
  const clock = opts.clock ?? systemClock
  const db = openDb(opts.dbPath)
  seedIfEmpty(db)
  seedParameters(db)
  if (opts.demoInstances) seedDemoInstances(db, opts.demoInstances, clock.now())
  purgeExpiredTokens(db, clock.now())

  const faults = createFaultLog(opts.log)
  // After seeding: the seed's rows are not changes anyone watches.
  const changes = createChangeEvents(db, clock)
  const engine = createEngine({
    db,
    clock,
    speed: opts.taskSpeed ?? 1,
    log: opts.log,
    faults,
    afterTick: () => changes.flush(),
  })
  const app = new Hono()
  app.use(securityHeaders)
  app.use(publicOriginGuard(opts.proxy ?? {}))
  app.use(compressAndValidate)
  app.use(malformedUrlGuard)
  app.use(requestBodyLimit(opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
  app.use(contentTypeGuard)
  app.use(async (c, next) => {
    await next()
    // A change went through: a storage fault, if there was one, is over.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400) faults.cleared()
  })
  // The console's own state (journal, sessions): given by main.ts (SQLite or PostgreSQL), else a
  // SQLite file beside the cloud's database (in memory for an in-memory cloud).
  const stateStore = opts.stateStore ?? openSqliteStateStore(defaultStatePath(opts.dbPath))
  const ownState = opts.stateStore ? undefined : stateStore
  const sessionStore = opts.sessions ?? createStateSessionStore(stateStore)
  const sessions = createSessionLayer({
    store: sessionStore,
    dispatch: (req, env) => app.fetch(req, env),
    now: () => clock.now(),
    secureCookie: opts.secureCookie,
    log: opts.log,
  })
  app.use(sessions.middleware)
  app.route('/', sessions.routes)
  const journal = startJournal({
    store: stateStore,
    actors: embeddedActors(db, clock),
    mode: 'embedded',
    engine: { db, changes },
    retentionDays: opts.journalRetentionDays,
    stuckFloorMs: opts.stuckFloorMs,
    now: () => clock.now(),
    background: opts.autoTick !== false,
    log: opts.log,
  })
  app.use(journal.middleware)
  app.route('/', journal.routes)
  // A write's change events go out as soon as it is answered.
  app.use(async (c, next) => {
    await next()
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') changes.flush()
  })
  // `watchers`: the console server's watchers running now (two tabs of one viewer cost one).
  app.get('/healthz', (c) => c.json({ status: 'ok', mode: 'embedded', watchers: watch.size }))
  app.route(
    '/v3',
    identityRoutes({
      db,
      clock,
      tokenTtl: opts.tokenTtl ?? 3600,
      ...(opts.loginThrottle ? { loginThrottle: opts.loginThrottle } : {}),
    }),
  )
  app.route(
    '/',
    troveRoutes({
      db,
      clock,
      engine,
      pageSizeMax: opts.pageSizeMax ?? 1000,
      maxVolumeSize: opts.maxVolumeSize ?? 100,
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 200,
      postgresqlUsersExtension: opts.postgresqlUsersExtension ?? false,
    }),
  )
  app.route('/', dbaasRoutes({ db, clock, engine }))
  app.route('/', networkRoutes({ db, clock }))
  const watch = new WatchHub({
    self: (path, init) => Promise.resolve(app.request(path, init)),
    mode: 'events',
    changes,
    tokenNow: () => clock.now(),
  })
  app.route('/console-api/v1', feedRoutes(watch))
  // A Trove client that strips the endpoint's path asks the host root for the versions document;
  // browsers (Accept: text/html) still get the console there.
  app.get('/', async (c, next) => {
    if (!wantsJson(c)) return next()
    return c.json(versionsDocument(c, listRegions(db)[0]?.id ?? 'RegionOne'))
  })
  app.route(
    '/console-api/v1',
    consoleConfigRoutes({ passwordPolicy: opts.passwordPolicy ?? DEFAULT_PASSWORD_POLICY }),
  )
  if (opts.staticDir !== undefined) registerStatic(app, opts.staticDir)

  app.onError((err, c) => {
    const kind = storageFaultKind(err)
    if (kind) {
      // Logged once per fault (store/faults.ts), answered at once: no stack, no 500.
      faults.report(err, Date.now())
      const res = apiErrorResponse(rawPath(c.req.url), 503, storageFaultMessage(kind))
      res.headers.set('Retry-After', String(RETRY_AFTER_SECONDS[kind]))
      return res
    }
    const id = crypto.randomUUID()
    opts.log?.(
      `internal error ${id}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    )
    const path = new URL(c.req.url).pathname
    if (path.startsWith('/dbaas/')) {
      return c.json({ message: `Internal error (${id}). Please try again later.` }, 500)
    }
    if (path.startsWith('/v3')) {
      return c.json(
        {
          error: {
            code: 500,
            title: 'Internal Server Error',
            message: `An unexpected error prevented the server from fulfilling your request. (${id})`,
          },
        },
        500,
      )
    }
    return c.json(
      {
        instanceFault: {
          code: 500,
          message: `Internal Server Error. Please keep this ID to help us figure out what went wrong: (${id}).`,
        },
      },
      500,
    )
  })

  // Tasks that came due while the server was down finish (or fail) now; after the journal and the
  // watchers subscribed to the change events, so they hear of it.
  engine.tick()
  if (opts.autoTick !== false) engine.start()

  let closing: Promise<void> | undefined
  return {
    app,
    engine,
    store: db,
    clock,
    changes,
    watch,
    journal,
    close() {
      if (closing) return closing
      watch.close()
      changes.close()
      engine.stop()
      void sessionStore.close()
      journal.stop()
      // A state store given by the caller is the caller's to close (main.ts closes the journal).
      const own = ownState ? journal.close() : Promise.resolve()
      closing = own
        .catch((err: unknown) =>
          opts.log?.(`journal: ${err instanceof Error ? err.message : String(err)}`),
        )
        .finally(() => db.close())
      return closing
    },
  }
}
