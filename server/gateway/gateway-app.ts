import { Hono } from 'hono'
import { securityHeaders } from '../security-headers'
import { DEFAULT_MAX_BODY_BYTES, malformedUrlGuard, requestBodyLimit } from '../request-guards'
import { registerStatic } from '../static'
import { createGateway } from './gateway'
import { WatchHub } from '../watch/watch-hub'
import { actionTap, feedRoutes } from '../watch/feed-routes'

/** The whole server in gateway mode: security headers, URL and body-size guards, the forwarding routes, the built SPA. */
export function createGatewayApp(opts: {
  keystoneUrl: string
  staticDir?: string
  /** Largest request body in bytes (larger ones get 413 before anything is forwarded). */
  maxBodyBytes?: number
  log?: (line: string) => void
  /** The fetch that reaches the real cloud (tests pass their own). */
  fetchImpl?: typeof fetch
  /** The watchers' full list walk interval (ms; default 60 s). */
  watchBackstopMs?: number
}): Hono {
  const app = new Hono()
  app.use(securityHeaders)
  app.use(malformedUrlGuard)
  app.use(requestBodyLimit(opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
  // The watchers read the real cloud through the gateway's own routes (Keystone, /gw/...).
  const watch = new WatchHub({
    self: (path, init) => Promise.resolve(app.request(path, init)),
    mode: 'poll',
    backstopMs: opts.watchBackstopMs,
  })
  app.use(actionTap(watch))
  app.route('/console-api/v1', feedRoutes(watch))
  app.route(
    '/',
    createGateway({ keystoneUrl: opts.keystoneUrl, log: opts.log, fetchImpl: opts.fetchImpl }),
  )
  if (opts.staticDir !== undefined) registerStatic(app, opts.staticDir)
  return app
}
