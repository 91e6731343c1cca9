import { Hono } from 'hono'
import { securityHeaders } from '../security-headers'
import { registerStatic } from '../static'
import { createGateway } from './gateway'

/** The whole server in gateway mode: security headers, the forwarding routes, the built SPA. */
export function createGatewayApp(opts: {
  keystoneUrl: string
  staticDir?: string
  log?: (line: string) => void
}): Hono {
  const app = new Hono()
  app.use(securityHeaders)
  app.route('/', createGateway({ keystoneUrl: opts.keystoneUrl, log: opts.log }))
  if (opts.staticDir !== undefined) registerStatic(app, opts.staticDir)
  return app
}
