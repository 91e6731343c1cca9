import type { Hono } from 'hono'
import { QUOTA_RESOURCE_NAMES } from '../../src/api/mgmt/schemas'
import {
  QUOTA_RESOURCES,
  quotaLimits,
  quotaUsage,
  setQuota,
  type QuotaResource,
} from '../store/quota-queries'
import { isPlainObject } from '../http-util'
import { readBody, type TroveDeps, type TroveEnv } from './context'
import { TroveFault, badRequest, forbidden } from './errors'
import { requireAdmin } from './mgmt-guard'
import { pyRepr } from './validation-message'

const isResource = (r: string): r is QuotaResource =>
  (QUOTA_RESOURCES as readonly string[]).includes(r)

/**
 * `/mgmt/quotas/{project}`: show (the project itself, or an admin for any project) and update
 * (admin). Quotas are per region in the embedded cloud, like each region's own Trove.
 */
export function registerMgmtQuotaRoutes(app: Hono<TroveEnv>, base: string, deps: TroveDeps): void {
  const { db } = deps

  app.get(`${base}/mgmt/quotas/:project`, (c) => {
    const project = c.req.param('project')
    const tenant = c.get('tenant')
    if (project !== tenant && !c.get('auth').isAdmin) {
      throw forbidden(`Operation not allowed for tenant ${tenant}.`)
    }
    const region = c.get('region')
    const limits = quotaLimits(db, project, region)
    const usage = quotaUsage(db, project, region)
    return c.json({
      quotas: QUOTA_RESOURCE_NAMES.map((resource) => ({
        resource,
        in_use: usage[resource],
        reserved: 0,
        limit: limits[resource],
      })),
    })
  })

  app.put(`${base}/mgmt/quotas/:project`, async (c) => {
    requireAdmin(c)
    const body = await readBody(c)
    if (!isPlainObject(body) || Object.keys(body).length === 0) {
      throw badRequest('Invalid request body.')
    }
    const quotas = body.quotas
    if (!isPlainObject(quotas)) {
      throw badRequest(`Validation error: quotas ${pyRepr(quotas)} is not of type 'object'`)
    }
    // Check everything first (Trove applies resource by resource and stops at the first error).
    const changes: [QuotaResource, number][] = []
    for (const [resource, limit] of Object.entries(quotas)) {
      if (limit === null) continue
      if (typeof limit !== 'number' || !Number.isInteger(limit)) {
        throw badRequest(`Quota limit ${pyRepr(limit)} for '${resource}' must be an integer.`)
      }
      if (limit < -1) {
        throw badRequest(
          `Quota limit '${limit}' for '${resource}' is too small - must be at least '-1'.`,
        )
      }
      if (resource === 'xmlns') continue
      if (!isResource(resource)) {
        throw new TroveFault(404, `Unknown quota resources ${resource}.`)
      }
      changes.push([resource, limit])
    }
    const project = c.req.param('project')
    const region = c.get('region')
    db.transaction(() => {
      for (const [resource, limit] of changes) setQuota(db, project, region, resource, limit)
    })()
    return c.json({ quotas: Object.fromEntries(changes) })
  })
}
