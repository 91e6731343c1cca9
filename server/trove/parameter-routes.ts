import type { Hono } from 'hono'
import { versionById, type DatastoreVersionRow } from '../store/catalog-queries'
import { findParameter, listParameters, type ParameterRow } from '../store/configuration-queries'
import type { TroveContext, TroveDeps, TroveEnv } from './context'
import { RawNumber, rawJson } from './configuration-json'
import { resolveDatastoreVersion } from './datastore-resolve'
import { badRequest, notFound } from './errors'
import type { Override, ResponseBody } from '../respond'
import type { parameterSchema } from '../../src/api/parameters/schemas'

/** Bounds are exact integers (RawNumber, written by rawJson). */
type ParameterBody = Override<
  ResponseBody<typeof parameterSchema>,
  {
    max?: RawNumber
    min?: RawNumber
  }
>

/** A bound as Trove's view shows it: left out when falsy (so a 0 minimum is omitted). */
export function parameterBoundView(text: string | null): RawNumber | undefined {
  if (text === null || text.trim() === '') return undefined
  if (/^-?\d+$/.test(text)) {
    const big = BigInt(text)
    return big === 0n ? undefined : new RawNumber(big.toString())
  }
  const n = Number(text)
  return Number.isNaN(n) || n === 0 ? undefined : new RawNumber(String(n))
}

/** Trove's ConfigurationParameterView. */
export function parameterView(p: ParameterRow): ParameterBody {
  const view: ParameterBody = {
    name: p.name,
    datastore_version_id: p.datastore_version_id,
    restart_required: p.restart_required === 1,
    type: p.data_type,
  }
  const max = parameterBoundView(p.max_size)
  const min = parameterBoundView(p.min_size)
  if (max) view.max = max
  if (min) view.min = min
  return view
}

/** `GET …/parameters` and `GET …/parameters/{name}` of datastore versions. */
export function registerParameterRoutes(app: Hono<TroveEnv>, base: string, deps: TroveDeps): void {
  const { db } = deps

  const byUuid = (c: TroveContext): DatastoreVersionRow => {
    const uuid = c.req.param('uuid') ?? ''
    const v = versionById(db, uuid)
    if (!v) throw badRequest(`Datastore version '${uuid}' cannot be found.`)
    return v
  }
  const byName = (c: TroveContext): DatastoreVersionRow =>
    resolveDatastoreVersion(db, { type: c.req.param('ds'), version: c.req.param('version') })
      .version

  const list = (c: TroveContext, v: DatastoreVersionRow) =>
    rawJson(c, { 'configuration-parameters': listParameters(db, v.id).map(parameterView) })
  const show = (c: TroveContext, v: DatastoreVersionRow) => {
    const name = c.req.param('name') ?? ''
    const p = findParameter(db, v.id, name)
    if (!p) throw notFound(name)
    return rawJson(c, parameterView(p))
  }

  app.get(`${base}/datastores/versions/:uuid/parameters`, (c) => list(c, byUuid(c)))
  app.get(`${base}/datastores/versions/:uuid/parameters/:name`, (c) => show(c, byUuid(c)))
  app.get(`${base}/datastores/:ds/versions/:version/parameters`, (c) => list(c, byName(c)))
  app.get(`${base}/datastores/:ds/versions/:version/parameters/:name`, (c) => show(c, byName(c)))
}
