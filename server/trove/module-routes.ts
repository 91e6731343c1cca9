import { createHash, randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import {
  createModuleRequestSchema,
  MODULE_MATCH_ALL,
  type moduleListSchema,
  type moduleShowSchema,
} from '../../src/api/modules/schemas'
import { findDatastore, findVersion } from '../store/catalog-queries'
import { findModule, insertModule, listModules, type ModuleRow } from '../store/module-queries'
import type { Db } from '../store/db'
import { troveTime } from '../http-util'
import type { ResponseBody } from '../respond'
import type { TroveDeps, TroveEnv } from './context'
import { readBody } from './context'
import { TroveFault, badRequest, notFound } from './errors'
import { validationMessage } from './validation-message'

/** The module types this cloud's guests have drivers for (Trove's `module_types` default). */
export const MODULE_TYPES = ['ping', 'new_relic_license'] as const

type ModuleEntry = ResponseBody<typeof moduleListSchema>['modules'][number]

/** `ModuleView`: names for datastore and version (`all` when unset), ids beside them. */
function moduleView(db: Db, m: ModuleRow): ModuleEntry {
  const ds = m.datastore ? findDatastore(db, m.datastore) : undefined
  const v = ds && m.datastore_version ? findVersion(db, ds.id, m.datastore_version) : undefined
  return {
    id: m.id,
    name: m.name,
    type: m.type,
    description: m.description,
    tenant_id: m.tenant_id,
    datastore_id: ds?.id ?? null,
    datastore_version_id: v?.id ?? null,
    auto_apply: m.auto_apply === 1,
    priority_apply: m.priority_apply === 1,
    apply_order: m.apply_order,
    is_admin: m.is_admin === 1,
    md5: m.md5,
    visible: m.visible === 1,
    created: troveTime(m.created_at),
    updated: troveTime(m.updated_at),
    tenant: m.tenant_id ?? MODULE_MATCH_ALL,
    datastore: ds?.name ?? MODULE_MATCH_ALL,
    datastore_version: v?.name ?? MODULE_MATCH_ALL,
  }
}

function detailView(db: Db, m: ModuleRow): ResponseBody<typeof moduleShowSchema> {
  return { module: { ...moduleView(db, m), live_update: m.live_update === 1 } }
}

/**
 * Trove's `/modules`: list (optionally `?datastore=` a name: that datastore's and the `all` ones),
 * show, and create (the minimum: name, type, contents, description, datastore). A tenant sees
 * its own modules and the visible ones of all tenants.
 */
export function registerModuleRoutes(app: Hono<TroveEnv>, base: string, deps: TroveDeps): void {
  const { db, clock } = deps

  const visibleModule = (id: string, tenant: string, isAdmin: boolean) => {
    const m = findModule(db, id)
    if (!m) throw notFound(id)
    if (!isAdmin && m.tenant_id !== tenant && !(m.tenant_id === null && m.visible === 1)) {
      throw notFound(id)
    }
    return m
  }

  app.get(`${base}/modules`, (c) => {
    const vc = c.get('vc')
    const wanted = c.req.query('datastore') ?? ''
    let dsName: string | null = null
    if (wanted && wanted.toLowerCase() !== MODULE_MATCH_ALL) {
      const ds = findDatastore(db, wanted)
      if (!ds) throw new TroveFault(404, `Datastore '${wanted}' cannot be found.`)
      dsName = ds.name
    }
    const rows = listModules(db, vc.tenant, vc.isAdmin).filter(
      (m) => dsName === null || m.datastore === null || m.datastore === dsName,
    )
    const body: ResponseBody<typeof moduleListSchema> = {
      modules: rows.map((m) => moduleView(db, m)),
    }
    return c.json(body)
  })

  app.get(`${base}/modules/:id`, (c) => {
    const vc = c.get('vc')
    return c.json(detailView(db, visibleModule(c.req.param('id'), vc.tenant, vc.isAdmin)))
  })

  app.post(`${base}/modules`, async (c) => {
    const vc = c.get('vc')
    const body = await readBody(c)
    const parsed = createModuleRequestSchema.safeParse(body)
    if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
    const req = parsed.data.module
    const type = req.module_type.toLowerCase()
    if (!(MODULE_TYPES as readonly string[]).includes(type)) {
      throw new TroveFault(404, `Module type '${req.module_type}' was not found.`)
    }
    let datastore: string | null = null
    let version: string | null = null
    if (req.datastore?.type) {
      const ds = findDatastore(db, req.datastore.type)
      if (!ds) throw new TroveFault(404, `Datastore '${req.datastore.type}' cannot be found.`)
      datastore = ds.name
      if (req.datastore.version) {
        const v = findVersion(db, ds.id, req.datastore.version)
        if (!v) throw badRequest(`Datastore version '${req.datastore.version}' cannot be found.`)
        version = v.name
      }
    } else if (req.datastore?.version) {
      throw badRequest('You must specify a datastore if you specify a datastore version.')
    }
    const taken = listModules(db, vc.tenant, false).some(
      (m) =>
        m.name === req.name &&
        m.tenant_id === vc.tenant &&
        m.datastore === datastore &&
        m.datastore_version === version,
    )
    if (taken) {
      throw badRequest(
        `A module with the name '${req.name}' already exists for datastore '${datastore ?? MODULE_MATCH_ALL}' and datastore version '${version ?? MODULE_MATCH_ALL}'`,
      )
    }
    const now = clock.now()
    const row: ModuleRow = {
      id: randomUUID(),
      tenant_id: vc.tenant,
      name: req.name,
      type,
      description: req.description ?? null,
      contents: req.contents,
      md5: createHash('md5').update(req.contents).digest('hex'),
      datastore,
      datastore_version: version,
      auto_apply: 0,
      priority_apply: 0,
      apply_order: 5,
      is_admin: 0,
      visible: req.visible === false ? 0 : 1,
      live_update: req.live_update ? 1 : 0,
      created_at: now,
      updated_at: now,
    }
    insertModule(db, row)
    return c.json(detailView(db, row))
  })
}
