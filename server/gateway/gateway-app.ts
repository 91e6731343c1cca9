import { Hono } from 'hono'
import { securityHeaders } from '../security-headers'
import { compressAndValidate } from '../compression'
import { DEFAULT_MAX_BODY_BYTES, malformedUrlGuard, requestBodyLimit } from '../request-guards'
import { registerStatic } from '../static'
import { createGateway, normalizeKeystoneUrl } from './gateway'
import { WATCHER_READ_ENV, watchedReads } from './watched-reads'
import { publicOriginGuard, type ProxyOptions } from '../public-origin'
import type { EndpointInterface } from './catalog-rewrite'
import type { SessionStore } from '../sessions/session-store'
import { createSessionLayer } from '../sessions/session-layer'
import { createStateSessionStore } from '../sessions/state-session-store'
import { openSqliteStateStore } from '../console-state/sqlite-state-store'
import { WatchHub } from '../watch/watch-hub'
import { actionTap, feedRoutes } from '../watch/feed-routes'
import { gatewayJournal, watchedTransition } from '../journal/gateway-journal'
import type { ConsoleJournal } from '../journal/start-journal'
import { consoleConfigRoutes } from '../console-config/config-routes'
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../src/api/rules/password-strength'

/** The whole server in gateway mode: security headers, URL and body-size guards, the forwarding routes, the built SPA. */
export function createGatewayApp(opts: {
  keystoneUrl: string
  staticDir?: string
  /** Largest request body in bytes (larger ones get 413 before anything is forwarded). */
  maxBodyBytes?: number
  log?: (line: string) => void
  /** The fetch that reaches the real cloud (tests pass their own). */
  fetchImpl?: typeof fetch
  /** Public URL and trusted proxies: what rewritten catalogs and links point at. */
  proxy?: ProxyOptions
  /** The catalog interface forwarded to; public by default. */
  endpointInterface?: EndpointInterface
  /** Console sessions (cookie -> token); default: in memory (main.ts passes a file). */
  sessions?: SessionStore
  /** Mark the session cookie Secure on http URLs too (TLS ends at a proxy). */
  secureCookie?: boolean
  /** The watchers' full list walk interval (ms; default 60 s). */
  watchBackstopMs?: number
  /** Longest interval between two walks of a project whose walk is costly (default 2 backstops). */
  watchBackstopMaxMs?: number
  /** The operations journal (main.ts passes one on the configured state store; default: in memory). */
  journal?: ConsoleJournal
  /** The console forms' password policy (`--password-policy`). */
  passwordPolicy?: PasswordPolicy
}): Hono {
  const app = new Hono()
  app.use(securityHeaders)
  app.use(publicOriginGuard(opts.proxy ?? {}))
  app.use(compressAndValidate)
  app.use(malformedUrlGuard)
  app.use(requestBodyLimit(opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
  const sessions = createSessionLayer({
    store: opts.sessions ?? createStateSessionStore(openSqliteStateStore(':memory:')),
    dispatch: (req, env) => app.fetch(req, env),
    secureCookie: opts.secureCookie,
    log: opts.log,
  })
  app.use(sessions.middleware)
  app.route('/', sessions.routes)
  const journal =
    opts.journal ??
    gatewayJournal({
      keystoneUrl: normalizeKeystoneUrl(opts.keystoneUrl),
      fetchImpl: opts.fetchImpl,
    })
  app.use(journal.middleware)
  app.route('/', journal.routes)
  // The watchers read the real cloud through the gateway's own routes (Keystone, /gw/...).
  const watch = new WatchHub({
    self: (path, init) => Promise.resolve(app.request(path, init, WATCHER_READ_ENV)),
    mode: 'poll',
    backstopMs: opts.watchBackstopMs,
    backstopMaxMs: opts.watchBackstopMaxMs,
    onTransition: (t) => journal.recordTransition(watchedTransition(t)),
    log: opts.log,
  })
  app.use(actionTap(watch))
  app.route('/console-api/v1', feedRoutes(watch))
  // The SPA's reads of a project join its watcher's (one read of a project in flight).
  app.use(watchedReads(watch))
  app.route(
    '/console-api/v1',
    consoleConfigRoutes({ passwordPolicy: opts.passwordPolicy ?? DEFAULT_PASSWORD_POLICY }),
  )
  app.route(
    '/',
    createGateway({
      keystoneUrl: opts.keystoneUrl,
      log: opts.log,
      fetchImpl: opts.fetchImpl,
      ...(opts.endpointInterface ? { endpointInterface: opts.endpointInterface } : {}),
    }),
  )
  if (opts.staticDir !== undefined) registerStatic(app, opts.staticDir)
  return app
}
