import { randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import { parameterRequestSchema } from '../../src/api/mgmt/schemas'
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
import { RawNumber, rawJson } from './configuration-json'
import { readBody, type TroveContext, type TroveDeps, type TroveEnv } from './context'
import { badRequest, notFound } from './errors'
import { requireAdmin } from './mgmt-guard'
import { validationMessage } from './validation-message'
import type { Override, ResponseBody } from '../respond'
import type { mgmtParameterSchema } from '../../src/api/mgmt/schemas'

/** Bounds are exact integers (RawNumber, written by rawJson). */
type ParameterBody = Override<
  ResponseBody<typeof mgmtParameterSchema>,
  {
    max_size?: RawNumber
    min_size?: RawNumber
  }
>

/** A stored bound as an exact JSON integer, omitted when 0 or unset (Trove tests truthiness). */
function bound(text: string | null): RawNumber | undefined {
  if (text === null || !/^-?\d+$/.test(text.trim())) return undefined
  const big = BigInt(text.trim())
  return big === 0n ? undefined : new RawNumber(big.toString())
}

/** MgmtConfigurationParameterView: `max_size`/`min_size` (the tenant view says max/min). */
export function mgmtParameterView(p: ParameterRow): ParameterBody {
  const view: ParameterBody = {
    name: p.name,
    datastore_version_id: p.datastore_version_id,
    restart_required: p.restart_required === 1,
    type: p.data_type,
  }
  const max = bound(p.max_size)
  const min = bound(p.min_size)
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

/** Schema first (400 "Validation error: ..."), then ConfigurationsParameterController's checks. */
function parseParameter(body: unknown): ParsedParameter {
  if (body === undefined) throw badRequest('Invalid request body.')
  const parsed = parameterRequestSchema.safeParse(body)
  if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
  const p = parsed.data['configuration-parameter']
  // The schema's pattern matches anywhere ("integers" passes); only the two exact types work.
  if (p.data_type !== 'integer' && p.data_type !== 'string') {
    throw badRequest(`Invalid data_type '${p.data_type}': use integer or string.`)
  }
  const dataType = p.data_type
  let min: string | null = null
  let max: string | null = null
  if (dataType === 'integer') {
    if (p.max_size === undefined) throw badRequest('max_size is required for integer data type.')
    if (p.min_size === undefined) throw badRequest('min_size is required for integer data type.')
    const maxBig = BigInt(p.max_size)
    const minBig = BigInt(p.min_size)
    if (maxBig < minBig) throw badRequest('max_size must be greater than or equal to min_size.')
    min = minBig.toString()
    max = maxBig.toString()
  }
  return { name: p.name, dataType, restartRequired: p.restart_required, min, max }
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
