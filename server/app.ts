import { Hono } from 'hono'
import { openDb, type Db } from './store/db'
import { seedIfEmpty } from './seed/seed'
import { seedDemoInstances } from './seed/demo-instances'
import { seedParameters } from './seed/parameters'
import { systemClock, type Clock } from './engine/clock'
import { createEngine, type Engine } from './engine/engine'
import { identityRoutes } from './identity/routes'
import { troveRoutes } from './trove/router'
import { dbaasRoutes } from './dbaas/router'
import { registerStatic } from './static'
import { purgeExpiredTokens } from './store/identity-queries'
import { securityHeaders } from './security-headers'
import { DEFAULT_MAX_BODY_BYTES, malformedUrlGuard, requestBodyLimit } from './request-guards'
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
  /** Run the background ticker (off in tests, which call engine.tick() themselves). */
  autoTick?: boolean
  /** The console forms' password policy (`--password-policy`); the Trove face never applies it. */
  passwordPolicy?: PasswordPolicy
  log?: (msg: string) => void
}

export interface Cloud {
  app: Hono
  engine: Engine
  store: Db
  clock: Clock
  close(): void
}

/** The embedded local cloud: Keystone, Trove per region, the task engine, the SPA. */
export function createCloud(opts: CloudOptions): Cloud {
  const clock = opts.clock ?? systemClock
  const db = openDb(opts.dbPath)
  seedIfEmpty(db)
  seedParameters(db)
  if (opts.demoInstances) seedDemoInstances(db, opts.demoInstances, clock.now())
  purgeExpiredTokens(db, clock.now())

  const engine = createEngine({ db, clock, speed: opts.taskSpeed ?? 1, log: opts.log })
  // Tasks that came due while the server was down finish (or fail) now.
  engine.tick()

  const app = new Hono()
  app.use(securityHeaders)
  app.use(malformedUrlGuard)
  app.use(requestBodyLimit(opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
  app.get('/healthz', (c) => c.json({ status: 'ok', mode: 'embedded' }))
  app.route('/v3', identityRoutes({ db, clock, tokenTtl: opts.tokenTtl ?? 3600 }))
  app.route(
    '/',
    troveRoutes({
      db,
      clock,
      engine,
      pageSizeMax: opts.pageSizeMax ?? 1000,
      maxVolumeSize: opts.maxVolumeSize ?? 100,
    }),
  )
  app.route('/', dbaasRoutes({ db, clock, engine }))
  app.route(
    '/console-api/v1',
    consoleConfigRoutes({ passwordPolicy: opts.passwordPolicy ?? DEFAULT_PASSWORD_POLICY }),
  )
  if (opts.staticDir !== undefined) registerStatic(app, opts.staticDir)

  app.onError((err, c) => {
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

  if (opts.autoTick !== false) engine.start()

  let closed = false
  return {
    app,
    engine,
    store: db,
    clock,
    close() {
      if (closed) return
      closed = true
      engine.stop()
      db.close()
    },
  }
}
