import { Hono } from 'hono'
import { securityHeaders } from '../security-headers'
import { DEFAULT_MAX_BODY_BYTES, malformedUrlGuard, requestBodyLimit } from '../request-guards'
import { registerStatic } from '../static'
import { createGateway, normalizeKeystoneUrl } from './gateway'
import { gatewayJournal } from '../journal/gateway-journal'
import type { ConsoleJournal } from '../journal/start-journal'

/** The whole server in gateway mode: security headers, URL and body-size guards, the forwarding routes, the built SPA. */
export function createGatewayApp(opts: {
  keystoneUrl: string
  staticDir?: string
  /** Largest request body in bytes (larger ones get 413 before anything is forwarded). */
  maxBodyBytes?: number
  log?: (line: string) => void
  /** The fetch that reaches the real cloud (tests pass their own). */
  fetchImpl?: typeof fetch
  /** The operations journal (main.ts passes one on the configured state store; default: in memory). */
  journal?: ConsoleJournal
}): Hono {
  const app = new Hono()
  app.use(securityHeaders)
  app.use(malformedUrlGuard)
  app.use(requestBodyLimit(opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
  const journal =
    opts.journal ??
    gatewayJournal({
      keystoneUrl: normalizeKeystoneUrl(opts.keystoneUrl),
      fetchImpl: opts.fetchImpl,
    })
  app.use(journal.middleware)
  app.route('/', journal.routes)
  app.route(
    '/',
    createGateway({ keystoneUrl: opts.keystoneUrl, log: opts.log, fetchImpl: opts.fetchImpl }),
  )
  if (opts.staticDir !== undefined) registerStatic(app, opts.staticDir)
  return app
}
