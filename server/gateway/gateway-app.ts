import { Hono } from 'hono'
import { securityHeaders } from '../security-headers'
import { DEFAULT_MAX_BODY_BYTES, malformedUrlGuard, requestBodyLimit } from '../request-guards'
import { registerStatic } from '../static'
import { createGateway } from './gateway'
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
  /** The console forms' password policy (`--password-policy`). */
  passwordPolicy?: PasswordPolicy
}): Hono {
  const app = new Hono()
  app.use(securityHeaders)
  app.use(malformedUrlGuard)
  app.use(requestBodyLimit(opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
  app.route(
    '/console-api/v1',
    consoleConfigRoutes({ passwordPolicy: opts.passwordPolicy ?? DEFAULT_PASSWORD_POLICY }),
  )
  app.route(
    '/',
    createGateway({ keystoneUrl: opts.keystoneUrl, log: opts.log, fetchImpl: opts.fetchImpl }),
  )
  if (opts.staticDir !== undefined) registerStatic(app, opts.staticDir)
  return app
}
