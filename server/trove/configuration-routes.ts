import { randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import { z } from 'zod'
import {
  createConfigurationRequestSchema,
  editConfigurationRequestSchema,
  updateConfigurationRequestSchema,
} from '../../src/api/configurations/schemas'
import { datastoreById, flavorById, versionById } from '../store/catalog-queries'
import {
  deleteConfiguration,
  insertConfiguration,
  instancesUsing,
  listParameters,
  loadConfiguration,
  pageConfigurations,
  storedValues,
  updateConfiguration,
  type ConfigurationRow,
  type StoredValues,
} from '../store/configuration-queries'
import { findInstance } from '../store/instance-queries'
import { requestOrigin } from '../http-util'
import type { TroveContext, TroveDeps, TroveEnv } from './context'
import { rawJson, readWrappedKeepingFloats } from './configuration-json'
import { changedKeys, markInstancesAfterUpdate } from './configuration-attach'
import { renderedDefaults } from './configuration-defaults'
import { echoedValues, validateValues, type IncomingValues } from './configuration-values'
import { configurationDetailView, configurationSummaryView } from './configuration-views'
import type { ResponseBody } from '../respond'
import type { configurationListSchema } from '../../src/api/configurations/schemas'
import { resolveDatastoreVersion } from './datastore-resolve'
import { registerParameterRoutes } from './parameter-routes'
import { badRequest, notFound } from './errors'
import { validationMessage } from './validation-message'

const DEFAULT_PAGE_SIZE = 20

/** The body checked against a request schema, or Trove's 400 "Validation error: …". */
function parseRequest<S extends z.core.$ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = z.safeParse(schema, body)
  if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
  return parsed.data
}

function incomingValues(values: Record<string, unknown>, integralFloats: Set<string>) {
  const floatLiterals = new Set<string>()
  for (const key of Object.keys(values)) {
    if (integralFloats.has(`configuration/values/${key}`)) floatLiterals.add(key)
  }
  return { values, floatLiterals } satisfies IncomingValues
}

/** Configuration groups (`/configurations…`), an instance's defaults, version parameters. */
export function registerConfigurationRoutes(
  app: Hono<TroveEnv>,
  base: string,
  deps: TroveDeps,
): void {
  const { db, clock, engine } = deps
  registerParameterRoutes(app, base, deps)

  const load = (c: TroveContext): ConfigurationRow => {
    const id = c.req.param('id') ?? ''
    const row = loadConfiguration(
      db,
      id,
      c.get('region'),
      c.get('auth').isAdmin ? null : c.get('tenant'),
    )
    if (!row) throw notFound(id)
    return row
  }

  const targetOf = (versionId: string) => {
    const version = versionById(db, versionId)
    const datastore = version ? datastoreById(db, version.datastore_id) : undefined
    return {
      datastoreName: datastore?.name ?? 'unknown',
      versionName: version?.name ?? 'unknown',
      parameters: listParameters(db, versionId),
    }
  }

  app.get(`${base}/configurations`, (c) => {
    const limitText = c.req.query('limit')
    let limit = DEFAULT_PAGE_SIZE
    if (limitText !== undefined) {
      if (!/^\d+$/.test(limitText) || Number(limitText) < 1) {
        throw badRequest(`Invalid limit '${limitText}': it must be a positive integer.`)
      }
      limit = Math.min(Number(limitText), deps.pageSizeMax)
    }
    const marker = c.req.query('marker')
    const page = pageConfigurations(db, c.get('tenant'), c.get('region'), limit, marker)
    const body: ResponseBody<typeof configurationListSchema> = {
      configurations: page.rows.map((r) => configurationSummaryView(db, r)),
    }
    const last = page.rows[page.rows.length - 1]
    if (page.more && last) {
      const url = new URL(c.req.url)
      const next = new URLSearchParams(url.search)
      next.set('limit', String(limit))
      next.set('marker', last.id)
      body.links = [{ rel: 'next', href: `${requestOrigin(c)}${url.pathname}?${next.toString()}` }]
    }
    return c.json(body)
  })

  app.post(`${base}/configurations`, async (c) => {
    const { body, integralFloats } = await readWrappedKeepingFloats(c, 'configuration')
    const req = parseRequest(createConfigurationRequestSchema, body).configuration
    const { datastore, version } = resolveDatastoreVersion(db, req.datastore ?? {})
    const target = targetOf(version.id)
    const incoming = incomingValues(req.values, integralFloats)
    const stored = validateValues(
      { ...target, datastoreName: datastore.name, versionName: version.name },
      incoming,
    )
    const now = clock.now()
    const row: ConfigurationRow = {
      id: randomUUID(),
      project_id: c.get('tenant'),
      region: c.get('region'),
      name: req.name,
      description: req.description ?? null,
      datastore_version_id: version.id,
      values: JSON.stringify(stored),
      created: now,
      updated: now,
      deleted: 0,
    }
    insertConfiguration(db, { ...row, values: stored })
    return rawJson(c, {
      configuration: configurationDetailView(db, row, echoedValues(incoming, target.parameters)),
    })
  })

  app.get(`${base}/configurations/:id`, (c) =>
    rawJson(c, { configuration: configurationDetailView(db, load(c)) }),
  )

  app.get(`${base}/configurations/:id/instances`, (c) => {
    const row = load(c)
    return c.json({
      instances: instancesUsing(db, row.id).map((i) => ({ id: i.id, name: i.name })),
    })
  })

  /** Validates new values, stores them, marks attached instances that need a restart. */
  const change = (
    row: ConfigurationRow,
    incoming: IncomingValues,
    merge: boolean,
    extra: { name?: string; description?: string },
  ) => {
    const validated = validateValues(targetOf(row.datastore_version_id), incoming)
    const before = storedValues(row)
    let after: StoredValues
    if (merge) {
      const replaced = new Set(Object.keys(validated).map((k) => k.toLowerCase()))
      after = Object.fromEntries(
        Object.entries(before).filter(([k]) => !replaced.has(k.toLowerCase())),
      )
      Object.assign(after, validated)
    } else after = validated
    const now = clock.now()
    db.transaction(() => {
      updateConfiguration(db, row.id, { ...extra, values: after, updated: now })
      markInstancesAfterUpdate(
        { db, engine },
        row.id,
        row.datastore_version_id,
        changedKeys(before, after),
        now,
      )
    })()
  }

  app.patch(`${base}/configurations/:id`, async (c) => {
    const { body, integralFloats } = await readWrappedKeepingFloats(c, 'configuration')
    const req = parseRequest(editConfigurationRequestSchema, body).configuration
    const row = load(c)
    change(row, incomingValues(req.values, integralFloats), true, {})
    return c.body(null, 200)
  })

  app.put(`${base}/configurations/:id`, async (c) => {
    const { body, integralFloats } = await readWrappedKeepingFloats(c, 'configuration')
    const req = parseRequest(updateConfigurationRequestSchema, body).configuration
    const row = load(c)
    change(row, incomingValues(req.values, integralFloats), false, {
      ...(req.name !== undefined ? { name: req.name } : {}),
      ...(req.description !== undefined ? { description: req.description } : {}),
    })
    return c.body(null, 202)
  })

  app.delete(`${base}/configurations/:id`, (c) => {
    const row = load(c)
    if (instancesUsing(db, row.id).length > 0) {
      throw badRequest(
        'A configuration group cannot be deleted if it is associated with one or more non-terminated instances. Detach the configuration group from all non-terminated instances and please try again.',
      )
    }
    deleteConfiguration(db, row.id, clock.now())
    return c.body(null, 202)
  })

  app.get(`${base}/instances/:id/configuration`, (c) => {
    const id = c.req.param('id')
    const inst = findInstance(
      db,
      id,
      c.get('region'),
      c.get('auth').isAdmin ? null : c.get('tenant'),
    )
    if (!inst) throw notFound(id)
    const version = versionById(db, inst.datastore_version_id)
    const datastore = version ? datastoreById(db, version.datastore_id) : undefined
    const flavor = flavorById(db, inst.flavor_id)
    return c.json({
      instance: {
        configuration: renderedDefaults(datastore?.manager ?? '', flavor?.ram ?? 512, inst.id),
      },
    })
  })
}
