import { randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import { copyBackupRequestSchema } from '../../src/api/backups/schemas'
import { findDatastore, regionExists } from '../store/catalog-queries'
import { findInstance, updateInstance } from '../store/instance-queries'
import {
  descendantsOf,
  findBackupRow,
  haHasBackups,
  insertBackup,
  isRunningBackup,
  scheduleBackupsDelete,
  pageBackups,
  sameDataIn,
  backupRowById,
  type BackupFilter,
  type BackupRow,
} from '../store/backup-queries'
import { quotaOvers } from '../store/quota-queries'
import { publicStatus } from '../engine/status-model'
import { BACKUP_COPY_SECONDS, BACKUP_DELETE_SECONDS } from '../engine/backup-task-kinds'
import { requestOrigin } from '../http-util'
import { requireWrapped, type TroveContext, type TroveDeps, type TroveEnv } from './context'
import { TroveFault, badRequest, forbidden, notFound, quotaExceeded, unprocessable } from './errors'
import { validateBackupCreate } from './backup-create'
import { backupView } from './backup-views'
import type { ResponseBody } from '../respond'
import type { backupListSchema } from '../../src/api/backups/schemas'
import { registerBackupStrategyRoutes } from './backup-strategy-routes'
import { validationMessage } from './validation-message'

/** Trove's backups_page_size. */
const DEFAULT_PAGE_SIZE = 20
const TRUE_STRINGS = new Set(['1', 't', 'true', 'on', 'y', 'yes'])
const BACKUP_ACTIONS = ['copy-backup']

const idParam = (c: TroveContext): string => c.req.param('id') ?? ''

/**
 * Backups (Trove v1.0) and Rackspace's extensions: HA backups (`/ha/{haId}/backups`, backup
 * `source`), cross-region copies (`POST /backups/{id}/action` with `copy-backup`). Also registers
 * the backup strategies. An HA group is an instance with replicas, named by the primary's id.
 */
export function registerBackupRoutes(app: Hono<TroveEnv>, base: string, deps: TroveDeps): void {
  const { db, clock, engine } = deps

  /** The caller's backup (admins: any project's) in this region, or 404. */
  const load = (c: TroveContext, id: string): BackupRow => {
    const auth = c.get('auth')
    const row = findBackupRow(db, id, c.get('region'), auth.isAdmin ? null : c.get('tenant'))
    if (!row) throw notFound(id)
    return row
  }

  /** One page of a filtered list, with Trove's `next` link. */
  const page = (c: TroveContext, filter: BackupFilter) => {
    const limitText = c.req.query('limit')
    let limit = DEFAULT_PAGE_SIZE
    if (limitText !== undefined) {
      if (!/^\d+$/.test(limitText) || Number(limitText) < 1) {
        throw badRequest(`Invalid limit '${limitText}': it must be a positive integer.`)
      }
      limit = Number(limitText)
    }
    limit = Math.min(limit, deps.pageSizeMax)
    const result = pageBackups(db, filter, limit, c.req.query('marker'))
    if (!result) return c.json({ backups: [] })
    const body: ResponseBody<typeof backupListSchema> = {
      backups: result.rows.map((b) => backupView(db, b)),
    }
    const last = result.rows[result.rows.length - 1]
    if (result.more && last) {
      const url = new URL(c.req.url)
      const next = new URLSearchParams(url.search)
      next.set('limit', String(limit))
      next.set('marker', last.id)
      body.links = [{ rel: 'next', href: `${requestOrigin(c)}${url.pathname}?${next.toString()}` }]
    }
    return c.json(body)
  }

  app.get(`${base}/backups`, (c) => {
    const auth = c.get('auth')
    const projectParam = c.req.query('project_id')
    const allProjects = TRUE_STRINGS.has((c.req.query('all_projects') ?? '').toLowerCase())
    if ((projectParam || allProjects) && !auth.isAdmin) {
      throw forbidden("Policy doesn't allow backup:index:all_projects to be performed.")
    }
    const datastoreParam = c.req.query('datastore')
    let datastoreId: string | undefined
    if (datastoreParam) {
      const ds = findDatastore(db, datastoreParam)
      if (!ds) throw new TroveFault(404, `Datastore '${datastoreParam}' cannot be found.`)
      datastoreId = ds.id
    }
    return page(c, {
      region: c.get('region'),
      projectId: projectParam || (allProjects ? null : c.get('tenant')),
      instanceId: c.req.query('instance_id') || undefined,
      datastoreId,
    })
  })

  app.get(`${base}/backups/:id`, (c) => c.json({ backup: backupView(db, load(c, idParam(c))) }))

  app.post(`${base}/backups`, async (c) => {
    const body = await requireWrapped(c, 'backup')
    const tenant = c.get('tenant')
    const region = c.get('region')
    const plan = validateBackupCreate({ db, projectId: tenant, region }, body)
    const now = clock.now()
    const id = randomUUID()
    db.transaction(() => {
      if (plan.kind === 'restore_from') {
        insertBackup(db, {
          id,
          project_id: tenant,
          region,
          instance_id: null,
          name: plan.name,
          description: plan.description,
          status: 'RESTORED',
          size: plan.size,
          datastore_version_id: plan.datastoreVersionId,
          parent_id: null,
          location_ref: plan.remoteLocation,
          created: now,
          updated: now,
          swift_container: null,
          source_type: null,
          source_id: null,
          origin_id: null,
          due_at: null,
        })
        return
      }
      const inst = plan.instance
      const before = publicStatus(inst)
      insertBackup(db, {
        id,
        project_id: tenant,
        region,
        instance_id: inst.id,
        name: plan.name,
        description: plan.description,
        status: 'NEW',
        size: null,
        datastore_version_id: inst.datastore_version_id,
        parent_id: plan.parent?.id ?? null,
        location_ref: null,
        created: now,
        updated: now,
        swift_container: plan.swiftContainer,
        source_type: plan.source.type,
        source_id: plan.source.id,
        origin_id: null,
        due_at: null,
      })
      updateInstance(db, inst.id, { updated: now })
      engine.schedule(inst.id, 'backup', { backupId: id, name: plan.name })
      engine.recordEvent(
        inst.id,
        before,
        'BACKUP',
        `${plan.parent ? 'Incremental backup' : 'Backup'} ${plan.name} requested.`,
      )
    })()
    return c.json({ backup: backupView(db, backupRowById(db, id)!) }, 202)
  })

  app.delete(`${base}/backups/:id`, (c) => {
    const row = load(c, idParam(c))
    // Deleting a parent deletes its incremental children (and theirs); none may be running.
    const tree = [row, ...descendantsOf(db, row.id)]
    const running = tree.find((b) => isRunningBackup(b.status))
    if (running) {
      throw unprocessable(`Backup ${running.id} cannot be deleted because it is running.`)
    }
    // As Trove: 202 now, the task manager removes the backups a moment later (they keep listing
    // with their status until then).
    const dueAt = clock.now() + engine.durationMs(BACKUP_DELETE_SECONDS)
    db.transaction(() =>
      scheduleBackupsDelete(
        db,
        tree.map((b) => b.id),
        dueAt,
      ),
    )()
    return c.body(null, 202)
  })

  app.post(`${base}/backups/:id/action`, async (c) => {
    const body = await requireWrapped(c, 'copy-backup')
    const keys = Object.keys(body).filter((k) => BACKUP_ACTIONS.includes(k))
    if (keys.length === 0) {
      const got = Object.keys(body)
      throw badRequest(
        `Invalid action${got.length ? ` ${got.map((k) => `'${k}'`).join(', ')}` : ''}: the body must hold one of ${BACKUP_ACTIONS.join(', ')}.`,
      )
    }
    const source = load(c, idParam(c))
    const parsed = copyBackupRequestSchema.safeParse(body)
    if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
    const req = parsed.data['copy-backup']
    const target = req.target_backup_region
    if (!regionExists(db, target)) {
      throw badRequest(`Region '${target}' cannot be found: it is not a region of this cloud.`)
    }
    if (target === source.region) {
      throw badRequest(`Backup ${source.id} is already in region ${target}: choose another region.`)
    }
    if (source.status !== 'COMPLETED') {
      throw unprocessable(
        `Backup ${source.id} cannot be copied while it is ${source.status}: only COMPLETED backups can be copied.`,
      )
    }
    let targetParent: BackupRow | undefined
    if (source.parent_id) {
      const parent = backupRowById(db, source.parent_id)
      const origin = parent ? (parent.origin_id ?? parent.id) : source.parent_id
      targetParent = sameDataIn(db, origin, target, source.project_id)
      if (!targetParent) {
        throw badRequest(
          `Backup ${source.id} is incremental and its parent ${source.parent_id} is not in region ${target}: copy the parent there first.`,
        )
      }
    }
    if (quotaOvers(db, source.project_id, target, { backups: 1 }).length > 0) {
      throw quotaExceeded(['backups'])
    }
    const now = clock.now()
    const id = randomUUID()
    insertBackup(db, {
      id,
      project_id: source.project_id,
      region: target,
      instance_id: null,
      name: req.name ?? source.name,
      description: req.description ?? source.description,
      status: 'NEW',
      size: source.size,
      datastore_version_id: source.datastore_version_id,
      parent_id: targetParent?.id ?? null,
      location_ref: null,
      created: now,
      updated: now,
      swift_container: source.swift_container,
      source_type: source.source_type,
      source_id: source.source_id,
      origin_id: source.origin_id ?? source.id,
      due_at: now + engine.durationMs(BACKUP_COPY_SECONDS),
    })
    // The seed answers 202 with no body; the Location header names the copy for clients that
    // want to follow it (`/trove/{target}/v1.0/{project}/backups/{id}`).
    c.header(
      'Location',
      `${requestOrigin(c)}/trove/${target}/v1.0/${source.project_id}/backups/${id}`,
    )
    return c.body(null, 202)
  })

  app.get(`${base}/instances/:id/backups`, (c) => {
    const auth = c.get('auth')
    const id = idParam(c)
    const inst = findInstance(db, id, c.get('region'), auth.isAdmin ? null : c.get('tenant'))
    if (!inst) throw notFound(id)
    return page(c, {
      region: c.get('region'),
      projectId: auth.isAdmin ? null : c.get('tenant'),
      instanceId: inst.id,
    })
  })

  app.get(`${base}/ha/:id/backups`, (c) => {
    const id = idParam(c)
    const tenant = c.get('tenant')
    const region = c.get('region')
    // An HA group is an instance with replicas, named by the primary's id. Its backups outlive
    // it, so the list also answers for a group that has backups but no instance any more.
    const primary = findInstance(db, id, region, tenant)
    if (!primary && !haHasBackups(db, id, region, tenant)) throw notFound(id)
    return page(c, { region, projectId: tenant, haId: id })
  })

  registerBackupStrategyRoutes(app, base, deps)
}
