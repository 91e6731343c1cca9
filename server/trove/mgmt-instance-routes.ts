import type { Hono } from 'hono'
import { z } from 'zod'
import type { mgmtHostListSchema, mgmtInstanceListSchema } from '../../src/api/mgmt/schemas'
import { MGMT_ACTIONS, mgmtActionArgSchemas, type MgmtAction } from '../../src/api/mgmt/schemas'
import type { ResponseBody } from '../respond'
import {
  findMgmtInstance,
  instanceHost,
  listMgmtInstances,
  liveInstanceHosts,
  pageMgmtInstances,
} from '../store/admin-queries'
import {
  failBackupsFor,
  runningBackupFor,
  updateInstance,
  type InstanceRow,
} from '../store/instance-queries'
import { deleteTaskFor } from '../store/task-queries'
import { rootHistory } from '../store/user-database-queries'
import { actionBlocker, publicStatus } from '../engine/status-model'
import { COMPUTE_HOSTS, hostFor, nextHost } from '../engine/mgmt-task-kinds'
import { requestOrigin, troveTime } from '../http-util'
import { readBody, type TroveContext, type TroveDeps, type TroveEnv } from './context'
import { badRequest, notAvailable, notFound } from './errors'
import { boolQuery, requireAdmin } from './mgmt-guard'
import { mgmtInstanceDetailView, mgmtInstanceView } from './mgmt-instance-views'
import { isPlainObject } from '../http-util'
import { validationMessage } from './validation-message'
import { mgmtActionRefusal } from '../../src/api/rules/mgmt-actions'

/** Tasks an admin reboot or rebuild must not replace (the engine runs one task per instance). */
const UNINTERRUPTIBLE = new Set(['BUILDING', 'DELETING'])
/** Nova states a reset-task-status leaves behind as settled: the server finishes on its own. */
const SERVER_IN_FLIGHT = new Set(['REBOOT', 'RESIZE', 'VERIFY_RESIZE', 'BUILD'])

/** `/mgmt/instances`: every project's instances, their detail, root history and admin actions. */
export function registerMgmtInstanceRoutes(
  app: Hono<TroveEnv>,
  base: string,
  deps: TroveDeps,
): void {
  const { db, clock, engine } = deps

  const load = (c: TroveContext, includeDeleted = false): InstanceRow => {
    const id = c.req.param('id') ?? ''
    const row = findMgmtInstance(db, id, c.get('region'), includeDeleted)
    if (!row) throw notFound(id)
    return row
  }
  const status = (row: InstanceRow) => publicStatus(row, runningBackupFor(db, row.id))

  /**
   * Every project's instances, newest first. Without `limit` all of them, as Trove 18 answers;
   * with `limit` (and `marker`) one page and a `next` link, as Trove's paged lists do (a console
   * extension: a real cloud ignores both and sends everything, which the console reads the same).
   */
  app.get(`${base}/mgmt/instances`, (c) => {
    requireAdmin(c)
    const filter = {
      region: c.get('region'),
      deleted: boolQuery(c.req.query('deleted')),
      projectId: c.req.query('project_id') || undefined,
    }
    const vc = c.get('vc')
    const limitText = c.req.query('limit')
    if (limitText === undefined) {
      const rows = listMgmtInstances(db, filter)
      return c.json({ instances: rows.map((r) => mgmtInstanceView(db, vc, r)) })
    }
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1) {
      throw badRequest(`Invalid limit '${limitText}': it must be a positive integer.`)
    }
    const limit = Math.min(Number(limitText), deps.pageSizeMax)
    const page = pageMgmtInstances(db, filter, limit, c.req.query('marker'))
    if (!page) return c.json({ instances: [] })
    const body: ResponseBody<typeof mgmtInstanceListSchema> = {
      instances: page.rows.map((r) => mgmtInstanceView(db, vc, r)),
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

  /** Compute hosts with their live instance counts (Trove's former hosts extension). */
  app.get(`${base}/mgmt/hosts`, (c) => {
    requireAdmin(c)
    const counts = new Map<string, number>(COMPUTE_HOSTS.map((h) => [h, 0]))
    for (const r of liveInstanceHosts(db, c.get('region'))) {
      const h = hostFor(r.seq, r.host)
      counts.set(h, (counts.get(h) ?? 0) + 1)
    }
    const body: ResponseBody<typeof mgmtHostListSchema> = {
      hosts: [...counts].map(([name, instanceCount]) => ({ name, instanceCount })),
    }
    return c.json(body)
  })

  app.get(`${base}/mgmt/instances/:id`, (c) => {
    requireAdmin(c)
    const row = load(c, boolQuery(c.req.query('deleted')) === true)
    return c.json({ instance: mgmtInstanceDetailView(db, c.get('vc'), row) })
  })

  app.get(`${base}/mgmt/instances/:id/root`, (c) => {
    requireAdmin(c)
    const row = load(c)
    const first = rootHistory(db, row.id)[0]
    return c.json({
      root_history: first
        ? { id: row.id, enabled: troveTime(first.enabled_at), user: first.user_id }
        : { id: row.id, enabled: 'Never', user: 'Nobody' },
    })
  })

  app.post(`${base}/mgmt/instances/:id/action`, async (c) => {
    requireAdmin(c)
    const body = await readBody(c)
    if (!isPlainObject(body) || Object.keys(body).length === 0) {
      throw badRequest('Invalid request body.')
    }
    const keys = Object.keys(body)
    const first = keys[0] as string
    if ((MGMT_ACTIONS as readonly string[]).includes(first)) {
      const action = first as MgmtAction
      const parsed = z
        .object({ [action]: mgmtActionArgSchemas[action] })
        .safeParse({ [action]: body[action] })
      if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
    }
    const row = load(c)
    let selected: MgmtAction | undefined
    for (const k of keys) {
      if (!(MGMT_ACTIONS as readonly string[]).includes(k)) {
        throw badRequest(`Invalid instance action: ${k}`)
      }
      if (selected) throw badRequest('Only one action can be specified per request.')
      selected = k as MgmtAction
    }
    const arg = (selected ? body[selected] : {}) as Record<string, unknown>
    if (selected) refuseByRule(c, row, selected)
    switch (selected) {
      case 'stop':
        return stop(c, row)
      case 'reboot':
        return reboot(c, row)
      case 'migrate':
        return migrate(c, row, typeof arg.host === 'string' && arg.host ? arg.host : undefined)
      case 'reset-task-status':
        return resetTaskStatus(c, row)
      case 'rebuild':
        return rebuild(c, row, String(arg.image_id))
      default:
        throw badRequest('Invalid request body.')
    }
  })

  /** The shared applicability rule (src/api/rules/mgmt-actions.ts): what the admin pages disable. */
  const refuseByRule = (c: TroveContext, row: InstanceRow, action: MgmtAction) => {
    // Migrate keeps Trove's own validate_can_perform_action wording (below), checked first.
    if (action === 'migrate') {
      const blocker = actionBlocker(row, runningBackupFor(db, row.id))
      if (blocker) throw notAvailable(row.id, blocker)
    }
    const view = mgmtInstanceView(db, c.get('vc'), row)
    const refusal = mgmtActionRefusal(action, view)
    if (refusal?.cloudRefuses) throw notAvailable(row.id, `instance status was ${view.status}`)
  }

  const guardTask = (row: InstanceRow) => {
    if (UNINTERRUPTIBLE.has(row.task_status)) {
      throw notAvailable(row.id, `task status was ${row.task_status}`)
    }
  }

  /** The guest stops the database at once (a synchronous RPC in Trove); no task. */
  const stop = (c: TroveContext, row: InstanceRow) => {
    const now = clock.now()
    db.transaction(() => {
      const before = status(row)
      updateInstance(db, row.id, {
        service_status: 'SHUTDOWN',
        service_status_updated: now,
        updated: now,
      })
      engine.recordEvent(row.id, before, before, 'Database service stopped by an administrator.')
    })()
    return c.body(null, 202)
  }

  const reboot = (c: TroveContext, row: InstanceRow) => {
    guardTask(row)
    db.transaction(() => {
      updateInstance(db, row.id, {
        task_status: 'REBOOTING',
        server_status: 'REBOOT',
        service_status: 'SHUTDOWN',
        updated: clock.now(),
      })
      engine.schedule(row.id, 'mgmt_reboot')
      engine.recordEvent(row.id, status(row), 'REBOOT', 'Reboot requested by an administrator.')
    })()
    return c.body(null, 202)
  }

  const migrate = (c: TroveContext, row: InstanceRow, host: string | undefined) => {
    const current = hostFor(row.seq, instanceHost(db, row.id))
    if (host !== undefined && !(COMPUTE_HOSTS as readonly string[]).includes(host)) {
      throw badRequest(
        `Compute host ${host} cannot be found. Hosts in this region: ${COMPUTE_HOSTS.join(', ')}.`,
      )
    }
    if (host === current) throw badRequest(`The instance is already on host ${host}.`)
    const target = host ?? nextHost(current)
    db.transaction(() => {
      updateInstance(db, row.id, {
        task_status: 'MIGRATING',
        server_status: 'RESIZE',
        service_status: 'SHUTDOWN',
        updated: clock.now(),
      })
      engine.schedule(row.id, 'mgmt_migrate', { host: target })
      engine.recordEvent(row.id, status(row), 'RESIZE', `Cold migration to ${target} requested.`)
    })()
    return c.body(null, 202)
  }

  /** Task status back to NONE, running backups FAILED (MgmtInstance.reset_task_status). */
  const resetTaskStatus = (c: TroveContext, row: InstanceRow) => {
    const now = clock.now()
    db.transaction(() => {
      const before = status(row)
      deleteTaskFor(db, row.id)
      const patch: Parameters<typeof updateInstance>[2] = { task_status: 'NONE', updated: now }
      if (SERVER_IN_FLIGHT.has(row.server_status)) patch.server_status = 'ACTIVE'
      updateInstance(db, row.id, patch)
      failBackupsFor(db, row.id, now)
      engine.recordEvent(
        row.id,
        before,
        publicStatus({ ...row, ...patch }),
        'Task status reset by an administrator.',
      )
    })()
    return c.body(null, 202)
  }

  const rebuild = (c: TroveContext, row: InstanceRow, imageId: string) => {
    guardTask(row)
    db.transaction(() => {
      updateInstance(db, row.id, {
        task_status: 'BUILDING',
        service_status: 'SHUTDOWN',
        updated: clock.now(),
      })
      engine.schedule(row.id, 'mgmt_rebuild', { imageId })
      engine.recordEvent(row.id, status(row), 'BUILD', `Rebuild from image ${imageId} requested.`)
    })()
    return c.body(null, 202)
  }
}
