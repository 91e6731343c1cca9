import { Hono, type Context } from 'hono'
import { regionExists } from '../store/catalog-queries'
import { validateToken } from '../identity/tokens'
import { requestOrigin } from '../http-util'
import type { Db } from '../store/db'
import type { Clock } from '../engine/clock'
import { networksFor } from './networks'

type Status = 404

/** Neutron's error body (neutron-lib's `NeutronError`). */
function neutronError(c: Context, status: Status, type: string, message: string) {
  return c.json({ NeutronError: { type, message, detail: '' } }, status)
}

/**
 * A minimal, read-only Neutron (catalog type `network`) for every region under
 * `/neutron/{Region}`: the networks of the token's project plus the shared ones, so the launch
 * form picks NICs from a list. Keystone-token-checked like Trove.
 */
export function networkRoutes(deps: { db: Db; clock: Clock }): Hono {
  const { db, clock } = deps
  const app = new Hono()
  const base = '/neutron/:region/v2.0'

  const scope = (c: Context) => {
    const region = c.req.param('region') ?? ''
    if (!regionExists(db, region)) return { ok: false as const, error: 'region' as const }
    const auth = validateToken(db, c.req.header('x-auth-token'), clock.now())
    if (!auth || !auth.project) return { ok: false as const, error: 'auth' as const }
    return { ok: true as const, region, projectId: auth.project.id }
  }
  const refuse = (c: Context, error: 'region' | 'auth') => {
    if (error === 'region') {
      return neutronError(c, 404, 'HTTPNotFound', 'The resource could not be found.')
    }
    c.header('WWW-Authenticate', `Keystone uri="${requestOrigin(c)}/v3"`)
    return c.json(
      {
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.',
        },
      },
      401,
    )
  }

  app.get(`${base}/networks`, (c) => {
    const s = scope(c)
    if (!s.ok) return refuse(c, s.error)
    const shared = c.req.query('shared')
    const networks = networksFor(s.projectId, s.region).filter(
      (n) => shared === undefined || String(n.shared) === shared.toLowerCase(),
    )
    return c.json({ networks })
  })

  app.get(`${base}/networks/:id`, (c) => {
    const s = scope(c)
    if (!s.ok) return refuse(c, s.error)
    const id = c.req.param('id')
    const found = networksFor(s.projectId, s.region).find((n) => n.id === id)
    if (!found) {
      return neutronError(c, 404, 'NetworkNotFound', `Network ${id} could not be found.`)
    }
    return c.json({ network: found })
  })

  // Read-only: writes and other paths are Neutron's 404.
  app.all('/neutron/*', (c) =>
    neutronError(c, 404, 'HTTPNotFound', 'The resource could not be found.'),
  )
  return app
}
