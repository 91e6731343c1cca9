import type { Hono } from 'hono'
import { eventsFor } from '../store/task-queries'
import {
  logsRequestSchema,
  logsResponseSchema,
  metricsRequestSchema,
  metricsResponseSchema,
} from '../../src/api/dbaas/schemas'
import { respondOperation } from './openapi-respond'
import { parseBody, type DbaasDeps, type DbaasEnv } from './context'
import { badRequest } from './errors'
import { engineUnit, factsOf, nodesOf } from './service-model'
import { buildMetrics } from './metrics'
import { LogSource, decodeOffset, logsPage } from './logs'
import { loadService, nameParam } from './service-routes'

export function registerObservabilityRoutes(
  app: Hono<DbaasEnv>,
  base: string,
  deps: DbaasDeps,
): void {
  const { db, clock } = deps

  app.post(`${base}/dbaas-service-metrics/:name`, async (c) => {
    const inst = loadService(deps, c, nameParam(c))
    const body = await parseBody(c, metricsRequestSchema)
    const f = factsOf(db, inst)
    const nodes = nodesOf(f).map((n) => ({
      ...n,
      events: eventsFor(db, n.inst.id),
      vcpus: f.vcpus,
    }))
    return respondOperation(c, 'get-dbaas-service-metrics', metricsResponseSchema, {
      metrics: buildMetrics(nodes, body.period ?? 'hour', clock.now()),
    })
  })

  app.post(`${base}/dbaas-service-logs/:name`, async (c) => {
    const inst = loadService(deps, c, nameParam(c))
    const body = await parseBody(c, logsRequestSchema)
    let offset
    if (body.offset !== undefined && body.offset !== '') {
      offset = decodeOffset(body.offset)
      if (!offset) throw badRequest('Invalid offset: pass back an offset this API returned.')
    }
    const f = factsOf(db, inst)
    const unit = engineUnit(f)
    const nodes = nodesOf(f).map((n) => ({
      name: n.name,
      inst: n.inst,
      events: eventsFor(db, n.inst.id),
      type: f.type,
      version: f.version,
      unit,
    }))
    const source = new LogSource(nodes, clock.now())
    return respondOperation(
      c,
      'get-dbaas-service-logs',
      logsResponseSchema,
      logsPage(source, {
        limit: body.limit ?? 100,
        order: body['sort-order'] ?? 'desc',
        ...(body.filter ? { filter: body.filter } : {}),
        ...(offset ? { offset, rawOffset: body.offset } : {}),
      }),
    )
  })
}
