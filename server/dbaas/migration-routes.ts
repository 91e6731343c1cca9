import { randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import { parseJson } from '../store/db'
import { dbaasTaskById, dbaasTasksOf, insertDbaasTask, type TaskRow } from '../store/dbaas-queries'
import {
  type MigrationCheckRequest,
  migrationCheckRequestSchema,
  migrationStatusSchema,
  operationSchema,
  sourceUriProblem,
  taskSchema,
} from '../../src/api/dbaas/schemas'
import { respondOperation } from './openapi-respond'
import { parseBody, scopeOf, type DbaasDeps, type DbaasEnv } from './context'
import { badRequest, notFound } from './errors'
import { factsOf } from './service-model'
import { isoZ } from './views'
import { operationBody, startOperation } from './operations'
import { loadService, nameParam } from './service-routes'
import type { DbaasSchemas } from './openapi-respond'

/** A database's migration status (the document types it per database, not for the whole). */
type MigrationStatus = NonNullable<
  NonNullable<DbaasSchemas['dbaas-migration-status']['details']>[number]['status']
>

/**
 * Migration checks and the migration a successful check starts. A check is a task that finishes
 * after a few seconds; its outcome follows the source URI (a host named `unreachable...` or
 * `*.invalid` refuses connections, a MySQL source cannot feed a PostgreSQL service and vice versa).
 * The migration then copies each database in turn (`running` -> `done`; with the replication
 * method the databases keep `syncing`).
 */

interface StoredRequest {
  uri: string
  scheme: string
  host: string
  dbs: string[]
  method: 'dump' | 'replication'
}

const CHECK_SECONDS = 8
const PER_DB_SECONDS = 6

function redact(uri: string): string {
  const u = new URL(uri)
  if (u.password) u.password = '***'
  return u.toString()
}

function storedRequest(body: MigrationCheckRequest): StoredRequest {
  const u = new URL(body['source-service-uri'])
  const ignore = new Set(
    (body['ignore-dbs'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  const path = decodeURIComponent(u.pathname.replace(/^\//, ''))
  const named = path
    ? path
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : ['defaultdb']
  return {
    uri: redact(body['source-service-uri']),
    scheme: u.protocol.replace(':', ''),
    host: u.hostname,
    dbs: named.filter((d) => !ignore.has(d)),
    method: body.method ?? 'dump',
  }
}

function outcome(
  req: StoredRequest,
  serviceType: string,
): { success: boolean; result: string; code: string } {
  const sourceIsMysql = req.scheme === 'mysql'
  const serviceIsMysql = serviceType === 'mysql' || serviceType === 'mariadb'
  if (req.host.startsWith('unreachable') || req.host.endsWith('.invalid')) {
    return {
      success: false,
      result: `Failed to connect to source db: could not connect to ${req.host}: connection refused`,
      code: 'connection_refused',
    }
  }
  if (sourceIsMysql !== serviceIsMysql) {
    return {
      success: false,
      result: `The source is ${sourceIsMysql ? 'MySQL' : 'PostgreSQL'} but the service is ${serviceType}: migrate between the same engine.`,
      code: 'engine_mismatch',
    }
  }
  if (req.dbs.length === 0) {
    return {
      success: false,
      result: 'Every database is in ignore-dbs: nothing to migrate.',
      code: 'nothing_to_migrate',
    }
  }
  return {
    success: true,
    result: `All pre-checks passed successfully, preferred migration method will be [${req.method}]`,
    code: 'ok',
  }
}

export function registerMigrationRoutes(app: Hono<DbaasEnv>, base: string, deps: DbaasDeps): void {
  const { db, clock, engine } = deps

  const taskView = (t: TaskRow, serviceType: string, now: number) => {
    const req = parseJson<StoredRequest>(t.request, {
      uri: '',
      scheme: '',
      host: '',
      dbs: [],
      method: 'dump',
    })
    const base = { id: t.id, 'create-time': isoZ(t.created), 'task-type': t.task_type }
    if (now < t.due_at) return { ...base, result: 'Checking the source database…' }
    const o = outcome(req, serviceType)
    return {
      ...base,
      success: o.success,
      result: o.result,
      'result-codes': o.success
        ? req.dbs.map((dbname) => ({ code: o.code, dbname }))
        : [{ code: o.code, dbname: req.dbs[0] ?? '' }],
    }
  }

  app.post(`${base}/dbaas-task-migration-check/:service`, async (c) => {
    const inst = loadService(deps, c, nameParam(c, 'service'))
    const body = await parseBody(c, migrationCheckRequestSchema)
    const problem = sourceUriProblem(body['source-service-uri'])
    if (problem) throw badRequest(`Invalid source-service-uri. ${problem}`)
    const type = factsOf(db, inst).type
    if (body.method && type !== 'mysql' && type !== 'mariadb') {
      throw badRequest('method is supported by MySQL services only.')
    }
    const now = clock.now()
    const id = randomUUID()
    const s = scopeOf(c)
    const op = db.transaction(() => {
      insertDbaasTask(db, {
        id,
        project_id: s.projectId,
        region: s.region,
        instance_id: inst.id,
        task_type: `${type}_migration_check`,
        request: JSON.stringify(storedRequest(body)),
        created: now,
        due_at: now + engine.durationMs(CHECK_SECONDS),
      })
      return startOperation(
        db,
        s,
        'migration-check',
        { id, link: `/v2/dbaas-task/${inst.name}/${id}`, command: 'get-dbaas-task' },
        now,
        engine.durationMs(1),
      )
    })()
    return respondOperation(
      c,
      'create-dbaas-task-migration-check',
      operationSchema,
      operationBody(db, op, now),
    )
  })

  app.get(`${base}/dbaas-task/:service/:id`, (c) => {
    const inst = loadService(deps, c, nameParam(c, 'service'))
    const t = dbaasTaskById(db, c.req.param('id'), inst.id)
    if (!t) throw notFound(`Task ${c.req.param('id')} not found`)
    return respondOperation(
      c,
      'get-dbaas-task',
      taskSchema,
      taskView(t, factsOf(db, inst).type, clock.now()),
    )
  })

  app.get(`${base}/dbaas-migration-status/:name`, (c) => {
    const inst = loadService(deps, c, nameParam(c))
    const type = factsOf(db, inst).type
    const now = clock.now()
    const done = dbaasTasksOf(db, inst.id, `${type}_migration_check`).find((t) => t.due_at <= now)
    if (!done) throw notFound(`No migration for service ${inst.name}`)
    const req = parseJson<StoredRequest>(done.request, {
      uri: '',
      scheme: '',
      host: '',
      dbs: [],
      method: 'dump',
    })
    const o = outcome(req, type)
    if (!o.success) {
      return respondOperation(c, 'get-dbaas-migration-status', migrationStatusSchema, {
        status: 'failed',
        method: req.method,
        error: o.result,
        details: [],
      })
    }
    const per = engine.durationMs(PER_DB_SECONDS)
    const details = req.dbs.map((dbname, i) => {
      const copied = now >= done.due_at + per * (i + 1)
      const status: MigrationStatus = !copied
        ? 'running'
        : req.method === 'replication'
          ? 'syncing'
          : 'done'
      return { dbname, method: req.method, status, error: '' }
    })
    const all = details.every((d) => d.status !== 'running')
    return respondOperation(c, 'get-dbaas-migration-status', migrationStatusSchema, {
      status: !all ? 'running' : req.method === 'replication' ? 'syncing' : 'done',
      method: req.method,
      error: '',
      details,
    })
  })
}
