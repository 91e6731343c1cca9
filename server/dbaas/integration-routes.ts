import type { Hono } from 'hono'
import type { Db } from '../store/db'
import { instanceById } from '../store/instance-queries'
import {
  deleteExternalIntegration,
  deleteIntegration,
  endpointById,
  endpointsIn,
  externalIntegrationById,
  externalIntegrationsOf,
  findIntegration,
  insertEndpoint,
  insertExternalIntegration,
  insertIntegration,
  integrationById,
  updateIntegrationSettings,
} from '../store/dbaas-queries'
import {
  attachEndpointRequestSchema,
  createIntegrationRequestSchema,
  detachEndpointRequestSchema,
  externalEndpointsSchema,
  externalIntegrationSchema,
  externalIntegrationsSchema,
  integrationSchema,
  integrationSettingsSchema,
  integrationTypesSchema,
  operationSchema,
  updateIntegrationRequestSchema,
} from '../../src/api/dbaas/schemas'
import { respondOperation } from './openapi-respond'
import {
  parseBody,
  scopeOf,
  type DbaasContext,
  type DbaasDeps,
  type DbaasEnv,
  type Scope,
} from './context'
import { badRequest, conflict, notFound } from './errors'
import { derivedUuid, factsOf } from './service-model'
import {
  INTEGRATION_TYPE_DEFS,
  genericSettingsSchema,
  integrationTypeDef,
  settingsSchemaFor,
} from './integration-types'
import { checkSchema } from './json-schema-check'
import { externalIntegrationView, integrationView } from './views'
import { operationBody, startOperation } from './operations'
import { loadService, nameParam } from './service-routes'
import { randomUUID } from 'node:crypto'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The external endpoints every project finds in a region (the API to create them is not in seed 004). */
const DEFAULT_ENDPOINTS = [
  { name: 'prometheus-ops', type: 'prometheus', settings: { 'basic-auth-username': 'scraper' } },
  {
    name: 'syslog-central',
    type: 'rsyslog',
    settings: { server: 'logs.example.net', port: 6514, tls: true, format: 'rfc5424' },
  },
  { name: 'datadog-eu', type: 'datadog', settings: { site: 'datadoghq.eu' } },
  {
    name: 'opensearch-audit',
    type: 'opensearch',
    settings: { url: 'https://search.example.net:9200', 'index-prefix': 'dbaas' },
  },
] as const

export function ensureEndpoints(db: Db, s: Scope, now: number): void {
  if (endpointsIn(db, s.projectId, s.region).length > 0) return
  for (const e of DEFAULT_ENDPOINTS) {
    insertEndpoint(db, {
      id: derivedUuid('endpoint', s.projectId, s.region, e.name),
      project_id: s.projectId,
      region: s.region,
      name: e.name,
      type: e.type,
      settings: JSON.stringify(e.settings),
      created: now,
    })
  }
}

function uuidParam(c: DbaasContext, param: string): string {
  const id = c.req.param(param) ?? ''
  if (!UUID.test(id)) throw badRequest(`Invalid ${param}: must be a valid UUID.`)
  return id
}

function settingsProblem(
  settings: Record<string, unknown>,
  schema: Parameters<typeof checkSchema>[1],
) {
  const errors = checkSchema(settings, schema)
  if (errors.length > 0) throw badRequest(`Invalid settings. ${errors.slice(0, 3).join('; ')}`)
}

export function registerIntegrationRoutes(
  app: Hono<DbaasEnv>,
  base: string,
  deps: DbaasDeps,
): void {
  const { db, clock, engine } = deps

  app.get(`${base}/dbaas-integration-types`, (c) =>
    respondOperation(c, 'list-dbaas-integration-types', integrationTypesSchema, {
      'dbaas-integration-types': INTEGRATION_TYPE_DEFS.map((d) => ({
        type: d.type,
        'source-description': d.sourceDescription,
        'source-service-types': d.sourceTypes,
        'dest-description': d.destDescription,
        'dest-service-types': d.destTypes,
        settings: genericSettingsSchema(d.type),
      })),
    }),
  )

  app.get(`${base}/dbaas-integration-settings/:type/:source/:dest`, (c) => {
    const { type, source, dest } = c.req.param()
    if (!integrationTypeDef(type)) throw notFound(`Integration type ${type} not found`)
    const schema = settingsSchemaFor(type, source, dest)
    if (!schema) {
      throw notFound(`Integration type ${type} does not join ${source} to ${dest} services`)
    }
    return respondOperation(c, 'list-dbaas-integration-settings', integrationSettingsSchema, {
      settings: schema,
    })
  })

  const loadIntegration = (c: DbaasContext) => {
    const s = scopeOf(c)
    const id = uuidParam(c, 'id')
    const row = integrationById(db, id, s.projectId, s.region)
    const src = row ? instanceById(db, row.source_instance_id) : undefined
    const dst = row ? instanceById(db, row.dest_instance_id) : undefined
    if (!row || !src || src.deleted || !dst || dst.deleted) {
      throw notFound(`Integration ${id} not found`)
    }
    return row
  }

  app.post(`${base}/dbaas-integration`, async (c) => {
    const body = await parseBody(c, createIntegrationRequestSchema)
    const type = body['integration-type']
    const source = loadService(deps, c, body['source-service'])
    const dest = loadService(deps, c, body['dest-service'])
    if (source.id === dest.id)
      throw badRequest('Source and destination must be different services.')
    const sourceType = factsOf(db, source).type
    const destType = factsOf(db, dest).type
    const schema = settingsSchemaFor(type, sourceType, destType)
    if (!schema) {
      const def = integrationTypeDef(type)
      throw badRequest(
        `Integration type ${type} joins ${def?.sourceTypes.join('/')} services to ${def?.destTypes.join('/')} services, not ${sourceType} to ${destType}.`,
      )
    }
    const settings = body.settings ?? {}
    settingsProblem(settings, schema)
    if (findIntegration(db, type, source.id, dest.id)) {
      throw conflict(`A ${type} integration from ${source.name} to ${dest.name} already exists.`)
    }
    const now = clock.now()
    const id = randomUUID()
    const op = db.transaction(() => {
      insertIntegration(db, {
        id,
        project_id: scopeOf(c).projectId,
        region: scopeOf(c).region,
        type,
        source_instance_id: source.id,
        dest_instance_id: dest.id,
        settings: JSON.stringify(settings),
        created: now,
        active_at: now + engine.durationMs(4),
      })
      return startOperation(
        db,
        scopeOf(c),
        'create-integration',
        { id, link: `/v2/dbaas-integration/${id}`, command: 'get-dbaas-integration' },
        now,
        engine.durationMs(4),
      )
    })()
    return respondOperation(
      c,
      'create-dbaas-integration',
      operationSchema,
      operationBody(db, op, now),
    )
  })

  app.get(`${base}/dbaas-integration/:id`, (c) =>
    respondOperation(
      c,
      'get-dbaas-integration',
      integrationSchema,
      integrationView(db, loadIntegration(c), clock.now()),
    ),
  )

  app.put(`${base}/dbaas-integration/:id`, async (c) => {
    const row = loadIntegration(c)
    const body = await parseBody(c, updateIntegrationRequestSchema)
    const src = instanceById(db, row.source_instance_id)
    const dst = instanceById(db, row.dest_instance_id)
    const schema =
      src && dst
        ? settingsSchemaFor(row.type, factsOf(db, src).type, factsOf(db, dst).type)
        : undefined
    if (schema) settingsProblem(body.settings, schema)
    const now = clock.now()
    const op = db.transaction(() => {
      updateIntegrationSettings(db, row.id, JSON.stringify(body.settings))
      return startOperation(
        db,
        scopeOf(c),
        'update-integration',
        { id: row.id, link: `/v2/dbaas-integration/${row.id}`, command: 'get-dbaas-integration' },
        now,
        engine.durationMs(2),
      )
    })()
    return respondOperation(
      c,
      'update-dbaas-integration',
      operationSchema,
      operationBody(db, op, now),
    )
  })

  app.delete(`${base}/dbaas-integration/:id`, (c) => {
    const row = loadIntegration(c)
    const now = clock.now()
    const op = db.transaction(() => {
      deleteIntegration(db, row.id)
      return startOperation(
        db,
        scopeOf(c),
        'delete-integration',
        { id: row.id },
        now,
        engine.durationMs(2),
      )
    })()
    return respondOperation(
      c,
      'delete-dbaas-integration',
      operationSchema,
      operationBody(db, op, now),
    )
  })

  // ---- external endpoints and integrations ----

  app.get(`${base}/dbaas-external-endpoints`, (c) => {
    const s = scopeOf(c)
    ensureEndpoints(db, s, clock.now())
    return respondOperation(c, 'list-dbaas-external-endpoints', externalEndpointsSchema, {
      'dbaas-endpoints': endpointsIn(db, s.projectId, s.region).map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
      })),
    })
  })

  app.get(`${base}/dbaas-external-integrations/:name`, (c) => {
    const inst = loadService(deps, c, nameParam(c))
    const now = clock.now()
    return respondOperation(c, 'list-dbaas-external-integrations', externalIntegrationsSchema, {
      'external-integrations': externalIntegrationsOf(db, inst.id).map((x) =>
        externalIntegrationView(db, x, now),
      ),
    })
  })

  app.get(`${base}/dbaas-external-integration/:id`, (c) => {
    const s = scopeOf(c)
    const id = uuidParam(c, 'id')
    const row = externalIntegrationById(db, id, s.projectId, s.region)
    if (!row) throw notFound(`External integration ${id} not found`)
    return respondOperation(
      c,
      'get-dbaas-external-integration',
      externalIntegrationSchema,
      externalIntegrationView(db, row, clock.now()),
    )
  })

  app.put(`${base}/dbaas-external-endpoint/:name/attach`, async (c) => {
    const inst = loadService(deps, c, nameParam(c))
    const body = await parseBody(c, attachEndpointRequestSchema)
    const s = scopeOf(c)
    ensureEndpoints(db, s, clock.now())
    const endpoint = endpointById(db, body['dest-endpoint-id'])
    if (!endpoint || endpoint.project_id !== s.projectId || endpoint.region !== s.region) {
      throw notFound(`External endpoint ${body['dest-endpoint-id']} not found`)
    }
    if (endpoint.type !== body.type) {
      throw badRequest(
        `External endpoint ${endpoint.name} is of type ${endpoint.type}, not ${body.type}.`,
      )
    }
    if (externalIntegrationsOf(db, inst.id).some((x) => x.endpoint_id === endpoint.id)) {
      throw conflict(`Service ${inst.name} is already attached to ${endpoint.name}.`)
    }
    const now = clock.now()
    const id = randomUUID()
    const op = db.transaction(() => {
      insertExternalIntegration(db, {
        id,
        project_id: s.projectId,
        region: s.region,
        instance_id: inst.id,
        endpoint_id: endpoint.id,
        type: endpoint.type,
        created: now,
        active_at: now + engine.durationMs(3),
      })
      return startOperation(
        db,
        s,
        'attach-endpoint',
        {
          id,
          link: `/v2/dbaas-external-integration/${id}`,
          command: 'get-dbaas-external-integration',
        },
        now,
        engine.durationMs(3),
      )
    })()
    return respondOperation(
      c,
      'attach-dbaas-service-to-endpoint',
      operationSchema,
      operationBody(db, op, now),
    )
  })

  app.put(`${base}/dbaas-external-endpoint/:name/detach`, async (c) => {
    const inst = loadService(deps, c, nameParam(c))
    const body = await parseBody(c, detachEndpointRequestSchema)
    const row = externalIntegrationsOf(db, inst.id).find((x) => x.id === body['integration-id'])
    if (!row) {
      throw notFound(
        `External integration ${body['integration-id']} not found on service ${inst.name}`,
      )
    }
    const now = clock.now()
    const op = db.transaction(() => {
      deleteExternalIntegration(db, row.id)
      return startOperation(
        db,
        scopeOf(c),
        'detach-endpoint',
        { id: row.id },
        now,
        engine.durationMs(2),
      )
    })()
    return respondOperation(
      c,
      'detach-dbaas-service-from-endpoint',
      operationSchema,
      operationBody(db, op, now),
    )
  })
}
