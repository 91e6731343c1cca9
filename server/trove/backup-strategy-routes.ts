import type { Hono } from 'hono'
import { createBackupStrategyRequestSchema } from '../../src/api/backups/schemas'
import { findInstance } from '../store/instance-queries'
import {
  deleteBackupStrategy,
  listBackupStrategies,
  upsertBackupStrategy,
} from '../store/backup-queries'
import { requireWrapped, type TroveContext, type TroveDeps, type TroveEnv } from './context'
import { badRequest, forbidden, notFound } from './errors'
import { backupStrategyView } from './backup-views'
import { validationMessage } from './validation-message'

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/**
 * Backup strategies (Trove's BackupStrategyController): where a project's, or one instance's,
 * backups go. `instance_id` '' is the project-wide strategy. `project_id` in the query is for
 * admins (others: 403 TroveOperationAuthError).
 */
export function registerBackupStrategyRoutes(
  app: Hono<TroveEnv>,
  base: string,
  deps: TroveDeps,
): void {
  const { db, clock } = deps

  const targetProject = (c: TroveContext): string => {
    const tenant = c.get('tenant')
    const asked = c.req.query('project_id') ?? tenant
    if (asked !== tenant && !c.get('auth').isAdmin) {
      throw forbidden(`Operation not allowed for tenant ${tenant}.`)
    }
    return asked
  }

  app.get(`${base}/backup_strategies`, (c) => {
    const project = targetProject(c)
    const instanceId = c.req.query('instance_id') || undefined
    const rows = listBackupStrategies(db, project, c.get('region'), instanceId)
    return c.json({ backup_strategies: rows.map(backupStrategyView) })
  })

  app.post(`${base}/backup_strategies`, async (c) => {
    const body = await requireWrapped(c, 'backup_strategy')
    const parsed = createBackupStrategyRequestSchema.safeParse(body)
    if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
    const req = parsed.data.backup_strategy
    if (!SHELL_SAFE.test(req.swift_container)) {
      throw badRequest(`The value is not allowed: ${req.swift_container}.`)
    }
    const tenant = c.get('tenant')
    const region = c.get('region')
    if (req.instance_id && !findInstance(db, req.instance_id, region, tenant)) {
      throw notFound(req.instance_id)
    }
    const row = upsertBackupStrategy(db, {
      project_id: tenant,
      region,
      instance_id: req.instance_id ?? '',
      swift_container: req.swift_container,
      created: clock.now(),
    })
    return c.json({ backup_strategy: backupStrategyView(row) }, 202)
  })

  app.delete(`${base}/backup_strategies`, (c) => {
    const project = targetProject(c)
    deleteBackupStrategy(db, project, c.get('region'), c.req.query('instance_id') ?? '')
    return c.body(null, 202)
  })
}
