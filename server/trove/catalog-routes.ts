import type { Hono } from 'hono'
import {
  findDatastore,
  findVersion,
  flavorById,
  listDatastores,
  listFlavors,
  listVersions,
  versionById,
} from '../store/catalog-queries'
import type { TroveDeps, TroveEnv } from './context'
import { TroveFault, badRequest, notFound } from './errors'
import { datastoreView, flavorView, versionView } from './views'
import { EMBEDDED_VOLUME_TYPES } from '../seed/volume-types'

/** Datastores, their versions, and flavors: read-only, the same for every tenant. */
export function registerCatalogRoutes(app: Hono<TroveEnv>, base: string, deps: TroveDeps): void {
  const { db } = deps

  const datastoreOr404 = (name: string) => {
    const ds = findDatastore(db, name)
    if (!ds) throw new TroveFault(404, `Datastore '${name}' cannot be found.`)
    return ds
  }

  app.get(`${base}/datastores`, (c) => {
    const vc = c.get('vc')
    // As Trove's index: members see datastores with an active version (and those versions only);
    // admins see every datastore, even one whose versions are all inactive, and every version.
    const onlyActive = !vc.isAdmin
    const datastores = listDatastores(db)
      .map((ds) => ({ ds, versions: listVersions(db, ds.id, onlyActive) }))
      .filter((x) => !onlyActive || x.versions.length > 0)
      .map((x) => datastoreView(vc, x.ds, x.versions))
    return c.json({ datastores })
  })

  app.get(`${base}/datastores/versions/:uuid`, (c) => {
    const uuid = c.req.param('uuid')
    const v = versionById(db, uuid)
    if (!v) throw badRequest(`Datastore version '${uuid}' cannot be found.`)
    return c.json({ version: versionView(c.get('vc'), v) })
  })

  app.get(`${base}/datastores/:ds`, (c) => {
    const ds = datastoreOr404(c.req.param('ds'))
    return c.json({ datastore: datastoreView(c.get('vc'), ds, listVersions(db, ds.id, true)) })
  })

  app.get(`${base}/datastores/:ds/versions`, (c) => {
    const ds = datastoreOr404(c.req.param('ds'))
    const vc = c.get('vc')
    const versions = listVersions(db, ds.id, !vc.isAdmin)
    return c.json({ versions: versions.map((v) => versionView(vc, v)) })
  })

  app.get(`${base}/datastores/:ds/versions/:version`, (c) => {
    const ds = datastoreOr404(c.req.param('ds'))
    const name = c.req.param('version')
    const v = findVersion(db, ds.id, name)
    if (!v) throw badRequest(`Datastore version '${name}' cannot be found.`)
    return c.json({ version: versionView(c.get('vc'), v) })
  })

  const versionOr400 = (dsName: string, name: string) => {
    const ds = datastoreOr404(dsName)
    const v = findVersion(db, ds.id, name)
    if (!v) throw badRequest(`Datastore version '${name}' cannot be found.`)
    return v
  }

  // The flavors a version allows: every flavor, as Trove lists them when the operator has
  // associated none with the version (the embedded cloud associates none).
  app.get(`${base}/datastores/:ds/versions/:version/flavors`, (c) => {
    versionOr400(c.req.param('ds'), c.req.param('version'))
    const vc = c.get('vc')
    return c.json({ flavors: listFlavors(db).map((f) => flavorView(vc, f)) })
  })

  app.get(`${base}/datastores/:ds/versions/:version/volume-types`, (c) => {
    versionOr400(c.req.param('ds'), c.req.param('version'))
    return c.json({ volume_types: EMBEDDED_VOLUME_TYPES.map((t) => ({ ...t })) })
  })

  app.get(`${base}/flavors`, (c) => {
    const vc = c.get('vc')
    return c.json({ flavors: listFlavors(db).map((f) => flavorView(vc, f)) })
  })

  app.get(`${base}/flavors/:id`, (c) => {
    const id = c.req.param('id')
    const f = flavorById(db, id)
    if (!f) throw notFound(id)
    return c.json({ flavor: flavorView(c.get('vc'), f) })
  })
}
