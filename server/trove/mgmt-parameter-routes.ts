import { randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import { PARAMETER_DATA_TYPES, parameterRequestSchema } from '../../src/api/mgmt/schemas'
import { boundProblem, compareDecimalText, hasBounds } from '../../src/api/rules/parameter-bounds'
import { mgmtVersionById } from '../store/admin-queries'
import {
  deleteParameter,
  findParameter,
  insertParameters,
  listParameters,
  nextParameterPosition,
  updateParameter,
  type ParameterRow,
} from '../store/configuration-queries'
import { rawJson, type RawNumber } from './configuration-json'
import { parameterBoundView } from './parameter-routes'
import { readBody, type TroveContext, type TroveDeps, type TroveEnv } from './context'
import { badRequest, notFound } from './errors'
import { requireAdmin } from './mgmt-guard'
import { validationMessage } from './validation-message'
import type { Override, ResponseBody } from '../respond'
import type { mgmtParameterSchema } from '../../src/api/mgmt/schemas'

/** Bounds are exact numbers (RawNumber, written by rawJson). */
type ParameterBody = Override<
  ResponseBody<typeof mgmtParameterSchema>,
  {
    max_size?: RawNumber
    min_size?: RawNumber
  }
>

/** MgmtConfigurationParameterView: `max_size`/`min_size` (the tenant view says max/min). */
export function mgmtParameterView(p: ParameterRow): ParameterBody {
  const view: ParameterBody = {
    name: p.name,
    datastore_version_id: p.datastore_version_id,
    restart_required: p.restart_required === 1,
    type: p.data_type,
  }
  const max = parameterBoundView(p.max_size)
  const min = parameterBoundView(p.min_size)
  if (max) view.max_size = max
  if (min) view.min_size = min
  return view
}

interface ParsedParameter {
  name: string
  dataType: string
  restartRequired: number
  min: string | null
  max: string | null
}

/**
 * Schema first (400 "Validation error: ..."), then ConfigurationsParameterController's checks.
 * Console extensions (the embedded cloud takes more than Trove's mgmt API, so an edit keeps a
 * seeded parameter as it is): data types boolean and float; an integer without `max_size` has no
 * maximum; a float's bounds are optional decimals. Bounds are stored as their exact text.
 */
function parseParameter(body: unknown): ParsedParameter {
  if (body === undefined) throw badRequest('Invalid request body.')
  const parsed = parameterRequestSchema.safeParse(body)
  if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
  const p = parsed.data['configuration-parameter']
  // The schema's pattern matches anywhere ("integers" passes); only the exact types work.
  const dataType = PARAMETER_DATA_TYPES.find((t) => t === p.data_type)
  if (!dataType) {
    throw badRequest(`Invalid data_type '${p.data_type}': use integer, string, boolean or float.`)
  }
  let min: string | null = null
  let max: string | null = null
  if (hasBounds(dataType)) {
    if (dataType === 'integer' && p.min_size === undefined)
      throw badRequest('min_size is required for integer data type.')
    min = p.min_size === undefined ? null : boundText(dataType, 'min_size', p.min_size)
    max = p.max_size === undefined ? null : boundText(dataType, 'max_size', p.max_size)
    if (min !== null && max !== null && compareDecimalText(max, min) < 0)
      throw badRequest('max_size must be greater than or equal to min_size.')
  }
  return { name: p.name, dataType, restartRequired: p.restart_required, min, max }
}

/** A bound's exact text (a JSON integer is exact up to 2^53; larger ones come as strings). */
function boundText(dataType: string, key: string, value: string | number): string {
  const text = String(value)
  const problem = boundProblem(dataType, text)
  if (problem) throw badRequest(`Invalid ${key} '${text}': ${problem}`)
  return text.startsWith('-0') || /^0\d/.test(text) ? canonical(text) : text
}

/** "007" -> "7", "-0" -> "0": the store keeps one spelling per value. */
function canonical(text: string): string {
  const [whole = '0', frac] = text.split('.')
  const digits = BigInt(whole).toString()
  return frac === undefined ? digits : `${digits}.${frac}`
}

/** `/mgmt/datastores/versions/{version_id}/parameters`: the parameters configuration groups use. */
export function registerMgmtParameterRoutes(
  app: Hono<TroveEnv>,
  base: string,
  deps: TroveDeps,
): void {
  const { db, clock } = deps
  const path = `${base}/mgmt/datastores/versions/:versionId/parameters`

  const version = (c: TroveContext) => {
    const id = c.req.param('versionId') ?? ''
    const v = mgmtVersionById(db, id)
    if (!v) throw badRequest(`Datastore version '${id}' cannot be found.`)
    return v
  }
  const parameter = (c: TroveContext, versionId: string) => {
    const name = c.req.param('name') ?? ''
    const p = findParameter(db, versionId, name)
    if (!p) throw notFound(name)
    return p
  }

  app.get(path, (c) => {
    requireAdmin(c)
    const v = version(c)
    return rawJson(c, {
      'configuration-parameters': listParameters(db, v.id).map(mgmtParameterView),
    })
  })

  app.get(`${path}/:name`, (c) => {
    requireAdmin(c)
    const v = version(c)
    return rawJson(c, mgmtParameterView(parameter(c, v.id)))
  })

  app.post(path, async (c) => {
    requireAdmin(c)
    const p = parseParameter(await readBody(c))
    const v = version(c)
    if (findParameter(db, v.id, p.name)) {
      throw badRequest(`${p.name} parameter already exists for datastore version ${v.id}.`)
    }
    const id = randomUUID()
    insertParameters(db, [
      {
        id,
        datastore_version_id: v.id,
        name: p.name,
        data_type: p.dataType,
        min_size: p.min,
        max_size: p.max,
        restart_required: p.restartRequired,
        position: nextParameterPosition(db, v.id),
      },
    ])
    const row = findParameter(db, v.id, p.name)
    if (!row) throw notFound(p.name)
    return rawJson(c, mgmtParameterView(row))
  })

  app.put(`${path}/:name`, async (c) => {
    requireAdmin(c)
    const p = parseParameter(await readBody(c))
    const v = version(c)
    const row = parameter(c, v.id)
    updateParameter(db, row.id, {
      data_type: p.dataType,
      min_size: p.min,
      max_size: p.max,
      restart_required: p.restartRequired,
    })
    const updated = findParameter(db, v.id, row.name)
    if (!updated) throw notFound(row.name)
    return rawJson(c, mgmtParameterView(updated))
  })

  app.delete(`${path}/:name`, (c) => {
    requireAdmin(c)
    const name = c.req.param('name')
    const versionId = c.req.param('versionId') ?? ''
    const row = findParameter(db, versionId, name)
    if (!row) throw badRequest(`Parameter ${name} does not exist in the database.`)
    deleteParameter(db, row.id, clock.now())
    return c.body(null, 204)
  })
}
