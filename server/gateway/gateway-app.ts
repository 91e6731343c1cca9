import { Hono } from 'hono'
import { securityHeaders } from '../security-headers'
import { compressAndValidate } from '../compression'
import { DEFAULT_MAX_BODY_BYTES, malformedUrlGuard, requestBodyLimit } from '../request-guards'
import { registerStatic } from '../static'
import { createGateway } from './gateway'

/** The whole server in gateway mode: security headers, URL and body-size guards, the forwarding routes, the built SPA. */
export function createGatewayApp(opts: {
  keystoneUrl: string
  staticDir?: string
  /** Largest request body in bytes (larger ones get 413 before anything is forwarded). */
  maxBodyBytes?: number
  log?: (line: string) => void
  /** The fetch that reaches the real cloud (tests pass their own). */
  fetchImpl?: typeof fetch
}): Hono {
  const app = new Hono()
  app.use(securityHeaders)
  app.use(compressAndValidate)
  app.use(malformedUrlGuard)
  app.use(requestBodyLimit(opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
  app.route(
    '/',
    createGateway({ keystoneUrl: opts.keystoneUrl, log: opts.log, fetchImpl: opts.fetchImpl }),
  )
  if (opts.staticDir !== undefined) registerStatic(app, opts.staticDir)
  return app
}
