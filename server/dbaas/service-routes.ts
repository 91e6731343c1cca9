import type { Hono } from 'hono'
import type { Db } from '../store/db'
import {
  caPem,
  deleteExternalIntegration,
  deleteIntegration,
  externalIntegrationsOf,
  integrationsOf,
  operationById,
  saveCaPem,
  serviceInstance,
  serviceInstances,
  setTerminationProtection,
  terminationProtection,
} from '../store/dbaas-queries'
import { listDatastores, listFlavors, listRegions, listVersions } from '../store/catalog-queries'
import { updateInstance, type InstanceRow } from '../store/instance-queries'
import { taskFor } from '../store/task-queries'
import {
  caCertificateSchema,
  operationSchema,
  serviceListSchema,
  serviceNameSchema,
  serviceTypeListSchema,
  serviceTypeSchema,
  updateServiceRequestSchema,
} from '../../src/api/dbaas/schemas'
import { respondOperation } from './openapi-respond'
import { parseBody, scopeOf, type DbaasContext, type DbaasDeps, type DbaasEnv } from './context'
import { badRequest, conflict, forbidden, notFound, serviceNotFound } from './errors'
import { factsOf, serviceTypeOf } from './service-model'
import { serviceView } from './views'
import { operationBody, startOperation } from './operations'
import { makeCaCertificate } from './ca-certificate'

const GB = 1024 ** 3
const MB = 1024 ** 2

const TYPE_DESCRIPTIONS: Record<string, string> = {
  mysql: 'MySQL - Relational Database Management System',
  pg: 'PostgreSQL - Object-Relational Database Management System',
  mariadb: 'MariaDB - Relational Database Management System',
}

/** Per-type paths (`/dbaas-postgres/{name}`) and the type each serves. */
export const TYPE_PATHS: Record<string, string> = {
  postgres: 'pg',
  mysql: 'mysql',
  mariadb: 'mariadb',
}

/** A service name from the path, checked against the schema (0..63 characters). */
export function nameParam(c: DbaasContext, param = 'name'): string {
  // hono has decoded the path segment already (decoding again broke on names with `%`).
  const name = c.req.param(param) ?? ''
  if (!serviceNameSchema.safeParse(name).success) {
    throw badRequest(`Invalid service name: at most 63 characters.`)
  }
  return name
}

/** The caller's service by name (the newest live instance with that name), or 404. */
export function loadService(deps: DbaasDeps, c: DbaasContext, name: string): InstanceRow {
  const s = scopeOf(c)
  const inst = serviceInstance(deps.db, s.projectId, s.region, name)
  if (!inst) throw serviceNotFound(name)
  return inst
}

/** The service types this cloud offers: one per datastore, one plan per flavor. */
export function serviceTypes(db: Db) {
  const zones = listRegions(db).map((r) => r.id)
  const flavors = listFlavors(db)
  return listDatastores(db).map((ds) => {
    const type = serviceTypeOf(ds.manager)
    const versions = listVersions(db, ds.id, true)
    const def = versions.find((v) => v.id === ds.default_version_id) ?? versions[0]
    return {
      name: type,
      description: TYPE_DESCRIPTIONS[type] ?? ds.name,
      'available-versions': versions.map((v) => v.name),
      ...(def ? { 'default-version': def.name } : {}),
      plans: flavors.map((f) => ({
        name: f.name,
        family: 'default',
        authorized: true,
        'node-count': 1,
        'node-cpu-count': f.vcpus,
        'node-memory': f.ram * MB,
        'disk-space': (f.disk > 0 ? f.disk : 10) * GB,
        'max-memory-percent': 80,
        zones,
        'backup-config': {
          interval: 24,
          'max-count': f.vcpus >= 4 ? 14 : 2,
          'recovery-mode': type === 'pg' ? 'pitr' : 'regular',
        },
      })),
    }
  })
}

export function registerServiceRoutes(app: Hono<DbaasEnv>, base: string, deps: DbaasDeps): void {
  const { db, clock, engine } = deps

  app.get(`${base}/dbaas-service`, (c) => {
    const s = scopeOf(c)
    const now = clock.now()
    return respondOperation(c, 'list-dbaas-services', serviceListSchema, {
      'dbaas-services': serviceInstances(db, s.projectId, s.region)
        .reverse()
        .map((inst) => serviceView(db, inst, now)),
    })
  })

  // There is no GET /dbaas-service/{name} in the API (clients list, or use the per-type GET).
  app.delete(`${base}/dbaas-service/:name`, (c) => {
    const inst = loadService(deps, c, nameParam(c))
    if (terminationProtection(db, inst.id)) {
      throw forbidden(
        `Service ${inst.name} has termination protection on. Turn it off before deleting the service.`,
      )
    }
    const f = factsOf(db, inst)
    if (f.replicas.length > 0) {
      throw badRequest(
        `Service ${inst.name} is the source of read replicas (${f.replicas.map((r) => r.name).join(', ')}). Delete or detach them first.`,
      )
    }
    if (f.trove === 'BUILD') throw conflict(`Service ${inst.name} is still being built.`)
    if (f.trove === 'BACKUP') throw conflict(`Service ${inst.name} is being backed up.`)
    const now = clock.now()
    const op = db.transaction(() => {
      if (!(inst.task_status === 'DELETING' && taskFor(db, inst.id)?.kind === 'delete')) {
        updateInstance(db, inst.id, {
          task_status: 'DELETING',
          configuration_id: null,
          updated: now,
        })
        engine.schedule(inst.id, 'delete')
        engine.recordEvent(inst.id, f.trove, 'SHUTDOWN', 'Delete requested.')
      }
      for (const i of integrationsOf(db, inst.id)) deleteIntegration(db, i.id)
      for (const x of externalIntegrationsOf(db, inst.id)) deleteExternalIntegration(db, x.id)
      return startOperation(
        db,
        scopeOf(c),
        'delete-service',
        { id: inst.id, command: 'list-dbaas-services', link: `/v2/dbaas-service` },
        now,
        0,
      )
    })()
    return respondOperation(c, 'delete-dbaas-service', operationSchema, operationBody(db, op, now))
  })

  // The per-type update, reduced to termination protection (the one setting this cloud adds).
  for (const [path, type] of Object.entries(TYPE_PATHS)) {
    app.put(`${base}/dbaas-${path}/:name`, async (c) => {
      const inst = loadService(deps, c, nameParam(c))
      if (factsOf(db, inst).type !== type) throw serviceNotFound(inst.name)
      const body = await parseBody(c, updateServiceRequestSchema)
      const now = clock.now()
      const op = db.transaction(() => {
        setTerminationProtection(db, inst.id, body['termination-protection'])
        updateInstance(db, inst.id, { updated: now })
        return startOperation(
          db,
          scopeOf(c),
          'update-service',
          {
            id: inst.name,
            link: `/v2/dbaas-${path}/${inst.name}`,
            command: `get-dbaas-service-${type}`,
          },
          now,
          engine.durationMs(1),
        )
      })()
      return respondOperation(
        c,
        'update-dbaas-service-mysql',
        operationSchema,
        operationBody(db, op, now),
      )
    })
  }

  app.get(`${base}/dbaas-service-type`, (c) =>
    respondOperation(c, 'list-dbaas-service-types', serviceTypeListSchema, {
      'dbaas-service-types': serviceTypes(db),
    }),
  )
  app.get(`${base}/dbaas-service-type/:type`, (c) => {
    const name = c.req.param('type')
    const t = serviceTypes(db).find((x) => x.name === name)
    if (!t) throw notFound(`Service type ${name} not found`)
    return respondOperation(c, 'get-dbaas-service-type', serviceTypeSchema, t)
  })

  app.get(`${base}/dbaas-ca-certificate`, (c) => {
    let pem = caPem(db)
    if (!pem) {
      saveCaPem(db, makeCaCertificate(clock.now()), clock.now())
      pem = caPem(db) ?? ''
    }
    return respondOperation(c, 'get-dbaas-ca-certificate', caCertificateSchema, {
      certificate: pem,
    })
  })

  app.get(`${base}/operation/:id`, (c) => {
    const s = scopeOf(c)
    const row = operationById(db, c.req.param('id'), s.projectId, s.region)
    if (!row) throw notFound(`Operation ${c.req.param('id')} not found`)
    return respondOperation(
      c,
      'get-operation',
      operationSchema,
      operationBody(db, row, clock.now()),
    )
  })
}
