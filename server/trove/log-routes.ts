import type { Hono } from 'hono'
import { datastoreById, versionById } from '../store/catalog-queries'
import { findInstance, runningBackupFor, type InstanceRow } from '../store/instance-queries'
import { ensureLogTable, logRow, upsertLog, type LogRow } from '../store/log-queries'
import { eventsFor } from '../store/task-queries'
import { publicStatus } from '../engine/status-model'
import { isPlainObject } from '../http-util'
import { readBody, type TroveContext, type TroveDeps, type TroveEnv } from './context'
import { TroveFault, badRequest, forbidden, notFound, unprocessable } from './errors'
import {
  byteLength,
  logDefs,
  logFamily,
  logText,
  type LogDef,
  type LogSubject,
} from './guest-log-text'
import { pyRepr } from './validation-message'

/** Trove's default `guest_log_container_name`. */
export const LOG_CONTAINER = 'database_logs'
const FLAGS = ['enable', 'disable', 'publish', 'discard'] as const
type Flag = (typeof FLAGS)[number]

/**
 * Guest logs (`GET/POST /instances/{id}/log`, Trove's guest_log API) and, as an extension of the
 * embedded cloud, `GET /instances/{id}/log/{name}/contents`: the published text. Real Trove
 * stores published logs as objects in Swift (container + prefix); a client reads them there.
 */
export function registerLogRoutes(app: Hono<TroveEnv>, base: string, deps: TroveDeps): void {
  const { db, clock } = deps
  ensureLogTable(db)

  const load = (c: TroveContext): InstanceRow => {
    const id = c.req.param('id') ?? ''
    const auth = c.get('auth')
    const row = findInstance(db, id, c.get('region'), auth.isAdmin ? null : c.get('tenant'))
    if (!row) throw notFound(id)
    return row
  }

  const subjectOf = (row: InstanceRow, state: LogRow | undefined, def: LogDef): LogSubject => {
    const version = versionById(db, row.datastore_version_id)
    const ds = version ? datastoreById(db, version.datastore_id) : undefined
    return {
      id: row.id,
      family: logFamily(ds?.manager ?? 'mysql'),
      versionNumber: version?.version ?? '',
      events: eventsFor(db, row.id),
      enabledAt: def.type === 'USER' ? (state?.enabled ? (state.enabled_at ?? null) : null) : null,
    }
  }

  const defsFor = (row: InstanceRow): { family: ReturnType<typeof logFamily>; defs: LogDef[] } => {
    const version = versionById(db, row.datastore_version_id)
    const ds = version ? datastoreById(db, version.datastore_id) : undefined
    const family = logFamily(ds?.manager ?? 'mysql')
    return { family, defs: logDefs(family) }
  }

  /** The log's view (Trove's GuestLog.show()), computed at `now`. */
  const view = (row: InstanceRow, def: LogDef, now: number) => {
    const state = logRow(db, row.id, def.name)
    const subject = subjectOf(row, state, def)
    const { family } = defsFor(row)
    const published = byteLength(state?.published_text ?? '')
    const enabled = def.type === 'SYS' || state?.enabled === 1
    const since =
      def.type === 'SYS'
        ? Number.NEGATIVE_INFINITY
        : (subject.enabledAt ?? Number.POSITIVE_INFINITY)
    const from = state?.published_upto ?? since - 1
    const pending = enabled && from < now ? byteLength(logText(subject, def, from, now)) : 0
    const guestUp = !(
      publicStatus(row, runningBackupFor(db, row.id)) === 'BUILD' && row.service_status === 'NEW'
    )
    let status: string
    if (def.type === 'SYS' && !guestUp) status = 'Unavailable'
    else if (!enabled) status = 'Disabled'
    else if (published === 0) status = pending === 0 ? 'Enabled' : 'Ready'
    else status = pending === 0 ? 'Published' : 'Partial'
    const prefix = `${row.id}/${family}-${def.name}/`
    return {
      name: def.name,
      type: def.type,
      status,
      published: String(published),
      pending: String(pending),
      container: published > 0 ? (state?.container ?? LOG_CONTAINER) : 'None',
      prefix: published > 0 ? prefix : 'None',
      metafile: `${row.id}/${family}-${def.name}_metafile`,
    }
  }

  const visibleDefs = (c: TroveContext, row: InstanceRow) =>
    defsFor(row).defs.filter((d) => d.exposed || c.get('auth').isAdmin)

  const findDef = (c: TroveContext, row: InstanceRow, name: string, action: string): LogDef => {
    const def = defsFor(row).defs.find((d) => d.name === name)
    if (!def) throw new TroveFault(404, `Log '${name}' is not defined for this datastore.`)
    if (!def.exposed && !c.get('auth').isAdmin) {
      throw forbidden(`You must be admin to ${action} log '${name}'.`)
    }
    return def
  }

  app.get(`${base}/instances/:id/log`, (c) => {
    const row = load(c)
    const now = clock.now()
    return c.json({ logs: visibleDefs(c, row).map((d) => view(row, d, now)) })
  })

  app.post(`${base}/instances/:id/log`, async (c) => {
    const body = await readBody(c)
    if (body === undefined) throw badRequest('The request body is empty; send {"name": "<log>"}.')
    if (!isPlainObject(body)) {
      throw badRequest(`Validation error: ${pyRepr(body)} is not of type 'object'`)
    }
    if (!('name' in body)) throw badRequest("Validation error: 'name' is a required property")
    const name = body.name
    if (typeof name !== 'string' || !/[0-9a-zA-Z]/.test(name) || name.length > 255) {
      throw badRequest(`Validation error: name ${pyRepr(name)} is not a valid log name`)
    }
    const flags: Partial<Record<Flag, boolean>> = {}
    for (const f of FLAGS) {
      if (!(f in body)) continue
      const v = body[f]
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1) {
        throw badRequest(`Validation error: ${f} ${pyRepr(v)} is not one of [0, 1]`)
      }
      flags[f] = v === 1
    }
    const row = load(c)
    const action = FLAGS.find((f) => flags[f]) ?? 'show'
    const def = findDef(c, row, name, action)
    if (flags.enable && flags.disable) {
      throw badRequest(`Cannot enable and disable log '${name}'.`)
    }
    const status = publicStatus(row, runningBackupFor(db, row.id))
    const changes = flags.enable || flags.disable || flags.publish || flags.discard
    if (changes && (status === 'BUILD' || status === 'SHUTDOWN')) {
      throw unprocessable(`Instance ${row.id} is not ready. (Status is ${status}).`)
    }
    if (def.type === 'SYS' && (flags.enable || flags.disable)) {
      throw badRequest(
        `Cannot ${flags.enable ? 'enable' : 'disable'} a system log ('${name}'): system logs are always on.`,
      )
    }
    const now = clock.now()
    db.transaction(() => {
      const state: LogRow = logRow(db, row.id, name) ?? {
        instance_id: row.id,
        name,
        enabled: 0,
        enabled_at: null,
        published_text: '',
        published_upto: null,
        container: null,
        updated: now,
      }
      // Publishing a disabled log enables it first (Trove: "Publish will automatically enable").
      if ((flags.enable || flags.publish) && def.type === 'USER' && !state.enabled) {
        state.enabled = 1
        state.enabled_at = now
      }
      if (flags.disable) state.enabled = 0
      if (flags.discard) {
        state.published_text = ''
        state.published_upto = null
        state.container = null
      }
      if (flags.publish) {
        const subject = subjectOf(row, state, def)
        const since = def.type === 'SYS' ? Number.NEGATIVE_INFINITY : (subject.enabledAt ?? now)
        const from = state.published_upto ?? since - 1
        if (from < now) state.published_text += logText(subject, def, from, now)
        state.published_upto = now
        state.container = LOG_CONTAINER
      }
      state.updated = now
      if (changes) upsertLog(db, state)
    })()
    return c.json({ log: view(row, def, now) })
  })

  app.get(`${base}/instances/:id/log/:name/contents`, (c) => {
    const row = load(c)
    const name = c.req.param('name')
    const def = findDef(c, row, name, 'show')
    const state = logRow(db, row.id, def.name)
    const v = view(row, def, clock.now())
    return c.json({
      log_contents: {
        name: def.name,
        container: v.container,
        prefix: v.prefix,
        published: v.published,
        text: state?.published_text ?? '',
      },
    })
  })
}
