import { randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import { versionCreateRequestSchema, versionEditRequestSchema } from '../../src/api/mgmt/schemas'
import { findDatastore } from '../store/catalog-queries'
import {
  countVersionsOf,
  deleteDatastore,
  deleteMgmtVersion,
  insertDatastore,
  insertMgmtVersion,
  isRetiredDatastore,
  listMgmtVersions,
  mgmtVersionById,
  mgmtVersionByName,
  setDefaultVersion,
  updateMgmtVersion,
  versionInUseBy,
  type MgmtVersionRow,
} from '../store/admin-queries'
import { readBody, type TroveContext, type TroveDeps, type TroveEnv } from './context'
import { TroveFault, badRequest, forbidden } from './errors'
import { requireAdmin } from './mgmt-guard'
import { validationMessage } from './validation-message'

/** Trove stores lists comma-joined and shows an empty one as `[""]`. */
const splitList = (text: string): string[] => (text ? text.split(',') : [''])

/** DatastoreVersionView of the mgmt API. */
export function mgmtVersionView(v: MgmtVersionRow) {
  return {
    id: v.id,
    name: v.name,
    version: v.version,
    datastore_id: v.datastore_id,
    datastore_name: v.datastore_name,
    datastore_manager: v.manager,
    image: v.image_id === '' ? null : v.image_id,
    image_tags: splitList(v.image_tags),
    packages: splitList(v.packages),
    active: v.active === 1,
    default: v.is_default === 1,
  }
}

/** `/mgmt/datastore-versions` (CRUD) and `DELETE /datastores/{ds}` (admin-only policy). */
export function registerMgmtDatastoreVersionRoutes(
  app: Hono<TroveEnv>,
  base: string,
  deps: TroveDeps,
): void {
  const { db, clock } = deps

  const load = (c: TroveContext): MgmtVersionRow => {
    const id = c.req.param('id') ?? ''
    const v = mgmtVersionById(db, id)
    if (!v) throw badRequest(`Datastore version '${id}' cannot be found.`)
    return v
  }
  const notActive = (name: string) => badRequest(`Datastore version '${name}' is not active.`)

  app.get(`${base}/mgmt/datastore-versions`, (c) => {
    requireAdmin(c)
    return c.json({ versions: listMgmtVersions(db).map(mgmtVersionView) })
  })

  app.get(`${base}/mgmt/datastore-versions/:id`, (c) => {
    requireAdmin(c)
    return c.json({ version: mgmtVersionView(load(c)) })
  })

  app.post(`${base}/mgmt/datastore-versions`, async (c) => {
    requireAdmin(c)
    const body = await readBody(c)
    if (
      body === undefined ||
      (typeof body === 'object' && body !== null && !Object.keys(body).length)
    ) {
      throw badRequest('Invalid request body.')
    }
    const parsed = versionCreateRequestSchema.safeParse(body)
    if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
    const req = parsed.data.version
    const imageTags = req.image_tags ?? []
    if (!req.image && imageTags.length === 0) throw badRequest('Image must be specified.')
    const versionNumber = req.version ?? req.name
    const existing = findDatastore(db, req.datastore_name)
    if (existing && isRetiredDatastore(existing.name)) {
      throw badRequest(`Datastore name '${req.datastore_name}' is reserved.`)
    }
    if (existing && mgmtVersionByName(db, existing.id, req.name)) {
      throw badRequest(`The datastore version '${req.name}(${versionNumber})' already exists.`)
    }
    if (req.default && !req.active) throw notActive(req.name)
    db.transaction(() => {
      let datastoreId = existing?.id
      if (!datastoreId) {
        datastoreId = randomUUID()
        insertDatastore(db, datastoreId, req.datastore_name, req.datastore_manager)
      }
      const id = randomUUID()
      insertMgmtVersion(db, {
        id,
        datastore_id: datastoreId,
        name: req.name,
        version: versionNumber,
        manager: req.datastore_manager,
        image_id: req.image ?? '',
        image_tags: imageTags.join(','),
        packages: (req.packages ?? []).join(','),
        active: req.active ? 1 : 0,
      })
      if (req.default) setDefaultVersion(db, datastoreId, id)
    })()
    return c.body(null, 202)
  })

  app.patch(`${base}/mgmt/datastore-versions/:id`, async (c) => {
    requireAdmin(c)
    const body = (await readBody(c)) ?? {}
    const parsed = versionEditRequestSchema.safeParse(body)
    if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
    const req = parsed.data
    const v = load(c)
    const name = req.name ?? v.name
    if (name !== v.name && mgmtVersionByName(db, v.datastore_id, name)) {
      throw badRequest(`The datastore version '${name}(${v.version})' already exists.`)
    }
    // Only image_tags given: the image is removed (the tags pick it).
    let imageId = req.image ?? (req.image_tags && req.image_tags.length > 0 ? '' : v.image_id)
    const imageTags = req.image_tags ? req.image_tags.join(',') : v.image_tags
    if (req.image === undefined && req.image_tags === undefined) imageId = v.image_id
    if (!imageId && !imageTags) throw badRequest('Image must be specified.')
    const active = req.active ?? v.active === 1
    if (req.default === true && !active) throw notActive(name)
    db.transaction(() => {
      updateMgmtVersion(db, v.id, {
        name,
        manager: req.datastore_manager ?? v.manager,
        image_id: imageId,
        image_tags: imageTags,
        packages: req.packages ? req.packages.join(',') : v.packages,
        active: active ? 1 : 0,
      })
      if (req.default === true) setDefaultVersion(db, v.datastore_id, v.id)
      else if (req.default === false && v.is_default === 1)
        setDefaultVersion(db, v.datastore_id, null)
    })()
    return c.body(null, 202)
  })

  app.delete(`${base}/mgmt/datastore-versions/:id`, (c) => {
    requireAdmin(c)
    const id = c.req.param('id')
    const inUse = versionInUseBy(db, id)
    if (inUse) throw badRequest(`Datastore version is in use by ${inUse}.`)
    const v = load(c)
    deleteMgmtVersion(db, v.id, clock.now())
    return c.body(null, 202)
  })

  // Tenant path, admin-only policy (datastore:delete): Forbidden here is a 403, not the mgmt 401.
  app.delete(`${base}/datastores/:ds`, (c) => {
    if (!c.get('auth').isAdmin) {
      throw forbidden("Policy doesn't allow datastore:delete to be performed.")
    }
    const name = c.req.param('ds')
    const ds = findDatastore(db, name)
    if (!ds || isRetiredDatastore(ds.name)) {
      throw new TroveFault(404, `Datastore '${name}' cannot be found.`)
    }
    if (countVersionsOf(db, ds.id) > 0) {
      throw badRequest(`Datastore versions exist for datastore ${name}.`)
    }
    deleteDatastore(db, ds.id)
    return c.body(null, 202)
  })
}
