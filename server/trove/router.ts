import { Hono, type Context } from 'hono'
import { regionExists } from '../store/catalog-queries'
import { validateToken } from '../identity/tokens'
import { requestOrigin } from '../http-util'
import type { TroveDeps, TroveEnv } from './context'
import { TroveFault, WebobError, routeNotFound, tenantMismatch } from './errors'
import { registerCatalogRoutes } from './catalog-routes'
import { registerInstanceExtrasRoutes } from './instance-extras-routes'
import { registerInstanceRoutes } from './instance-routes'
import { registerUsersDatabasesRoutes } from './user-database-routes'
import { registerBackupRoutes } from './backup-routes'
import { registerConfigurationRoutes } from './configuration-routes'
import { registerMgmtRoutes } from './mgmt-routes'
import { registerModuleRoutes } from './module-routes'
import { versionEntry, versionsDocument } from './versions'

const KEYSTONE_401 = {
  error: {
    code: 401,
    title: 'Unauthorized',
    message: 'The request you have made requires authentication.',
  },
}

/** keystonemiddleware's refusal of a request without a valid token. */
function unauthorized(c: Context) {
  c.header('WWW-Authenticate', `Keystone uri="${requestOrigin(c)}/v3"`)
  return c.json(KEYSTONE_401, 401)
}

/** Trove v1.0 for every region under `/trove/{Region}/`. */
export function troveRoutes(deps: TroveDeps): Hono<TroveEnv> {
  const { db, clock, engine } = deps
  const app = new Hono<TroveEnv>()

  app.onError((err, c) => {
    if (err instanceof TroveFault) return c.json(err.body(), err.status)
    if (err instanceof WebobError) return c.json(err.body(), err.status)
    throw err
  })

  app.use('/trove/:region/*', async (c, next) => {
    if (!regionExists(db, c.req.param('region'))) throw routeNotFound()
    await next()
  })

  // The versions document at Trove's root is public; `/v1.0` is behind keystonemiddleware like
  // every other v1.0 path, so without a valid token it answers Keystone's 401.
  app.get('/trove/:region', (c) => c.json(versionsDocument(c, c.req.param('region'))))
  app.get('/trove/:region/', (c) => c.json(versionsDocument(c, c.req.param('region'))))
  const versionShow = (c: Context<TroveEnv>) => {
    const auth = validateToken(db, c.req.header('x-auth-token'), clock.now())
    if (!auth) return unauthorized(c)
    return c.json({ version: versionEntry(requestOrigin(c), c.req.param('region') ?? '') })
  }
  app.get('/trove/:region/v1.0', versionShow)
  app.get('/trove/:region/v1.0/', versionShow)

  // keystonemiddleware (401) then Trove's AuthorizationMiddleware (403), before routing.
  app.use('/trove/:region/v1.0/:tenant/*', async (c, next) => {
    const region = c.req.param('region')
    const tenant = c.req.param('tenant')
    const auth = validateToken(db, c.req.header('x-auth-token'), clock.now())
    if (!auth || !auth.project) return unauthorized(c)
    if (auth.project.id !== tenant) throw tenantMismatch(auth.project.id)
    engine.tick()
    c.set('auth', auth)
    c.set('region', region)
    c.set('tenant', tenant)
    c.set('vc', { origin: requestOrigin(c), region, tenant, isAdmin: auth.isAdmin })
    await next()
  })

  const base = '/trove/:region/v1.0/:tenant'
  registerInstanceExtrasRoutes(app, base, deps) // first: its rate-limit counter sees every request
  registerCatalogRoutes(app, base, deps)
  registerInstanceRoutes(app, base, deps)
  registerUsersDatabasesRoutes(app, base, deps)
  registerBackupRoutes(app, base, deps)
  registerConfigurationRoutes(app, base, deps)
  registerModuleRoutes(app, base, deps)
  registerMgmtRoutes(app, base, deps)

  app.all('/trove/*', () => {
    throw routeNotFound()
  })
  app.all('/trove', () => {
    throw routeNotFound()
  })

  return app
}
