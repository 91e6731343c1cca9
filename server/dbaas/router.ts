import { Hono } from 'hono'
import { regionExists } from '../store/catalog-queries'
import { validateToken } from '../identity/tokens'
import type { DbaasDeps, DbaasEnv } from './context'
import { DbaasError } from './errors'
import { registerServiceRoutes } from './service-routes'
import { registerObservabilityRoutes } from './observability-routes'
import { registerIntegrationRoutes } from './integration-routes'
import { registerMigrationRoutes } from './migration-routes'

/**
 * The DBaaS management API (Exoscale-style API v2, seed 004) for every region under
 * `/dbaas/{Region}/v2`. Authentication is the Keystone token Trove takes (X-Auth-Token); the
 * token's project owns the services (Exoscale has no project in the path).
 */
export function dbaasRoutes(deps: DbaasDeps): Hono<DbaasEnv> {
  const { db, clock, engine } = deps
  const app = new Hono<DbaasEnv>()

  app.onError((err, c) => {
    if (err instanceof DbaasError) return c.json(err.body(), err.status)
    throw err
  })

  app.use('/dbaas/:region/v2/*', async (c, next) => {
    const region = c.req.param('region')
    if (!regionExists(db, region)) {
      return c.json({ message: `Region ${region} does not offer the DBaaS API.` }, 404)
    }
    const auth = validateToken(db, c.req.header('x-auth-token'), clock.now())
    if (!auth) {
      return c.json({ message: 'The request you have made requires authentication.' }, 401)
    }
    if (!auth.project) {
      return c.json({ message: 'This API needs a project-scoped token.' }, 403)
    }
    engine.tick()
    c.set('auth', auth)
    c.set('region', region)
    c.set('projectId', auth.project.id)
    await next()
  })

  const base = '/dbaas/:region/v2'
  registerServiceRoutes(app, base, deps)
  registerObservabilityRoutes(app, base, deps)
  registerIntegrationRoutes(app, base, deps)
  registerMigrationRoutes(app, base, deps)

  app.all('/dbaas/*', (c) => c.json({ message: 'Not found' }, 404))
  return app
}
