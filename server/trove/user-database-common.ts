import type { Hono } from 'hono'
import { z } from 'zod'
import { datastoreById, versionById } from '../store/catalog-queries'
import { findInstance, type InstanceRow } from '../store/instance-queries'
import { requestOrigin } from '../http-util'
import { readBody, type TroveContext, type TroveDeps, type TroveEnv } from './context'
import { TroveFault, badRequest, notFound, unprocessable } from './errors'
import { datastoreFamily, type DatastoreFamily } from '../../src/api/rules/datastore-family'
import { validationMessage } from './validation-message'

/** Trove's users_page_size / databases_page_size: a page never holds more. */
export const EXTENSION_PAGE_SIZE = 20

/** An instance as the user/database/root extensions see it. */
export interface ExtensionTarget {
  row: InstanceRow
  family: DatastoreFamily
  datastore: string
  /** The datastore's manager, as Trove names it in its refusals. */
  manager: string
}

export type ExtensionRegistrar = (app: Hono<TroveEnv>, base: string, deps: TroveDeps) => void

/** The caller's instance (admins: any project's) in this region, or 404. */
export function loadTarget(c: TroveContext, deps: TroveDeps): ExtensionTarget {
  const auth = c.get('auth')
  const id = c.req.param('id') ?? ''
  const row = findInstance(deps.db, id, c.get('region'), auth.isAdmin ? null : c.get('tenant'))
  if (!row) throw notFound(id)
  const version = versionById(deps.db, row.datastore_version_id)
  const ds = version ? datastoreById(deps.db, version.datastore_id) : undefined
  return {
    row,
    family: datastoreFamily(ds?.manager),
    datastore: ds?.name ?? 'unknown',
    manager: ds?.manager ?? 'unknown',
  }
}

/**
 * The datastore check of Trove's `load_and_verify`: users and databases are managed on the
 * MySQL family only (mysql, mariadb managers), root also on PostgreSQL; anything else is a 422
 * naming the manager. The console's PostgreSQL extension (off by default) lifts the first rule.
 */
export function requireSupported(
  t: ExtensionTarget,
  deps: Pick<TroveDeps, 'postgresqlUsersExtension'>,
  area: 'users-databases' | 'root' = 'users-databases',
): void {
  const allowed =
    t.family === 'mysql' ||
    (t.family === 'postgresql' && (area === 'root' || deps.postgresqlUsersExtension === true))
  if (!allowed) throw unprocessable(`Operation not supported for datastore ${t.manager}.`)
}

/**
 * `load_and_verify`: user, database and root operations need the datastore running
 * (`is_datastore_running`: service RUNNING or HEALTHY), else 422.
 */
export function requireReady(t: ExtensionTarget): void {
  const { row } = t
  const running =
    ['RUNNING', 'HEALTHY'].includes(row.service_status) &&
    row.server_status === 'ACTIVE' &&
    row.task_status !== 'DELETING'
  if (!running) throw unprocessable(`Instance ${row.id} is not ready.`)
}

/** `?limit=&marker=`: limit capped at the page size, as Trove's load_via_context does. */
export function pageParams(c: TroveContext): { limit: number; marker: string | undefined } {
  const limitText = c.req.query('limit')
  let limit = EXTENSION_PAGE_SIZE
  if (limitText !== undefined && limitText !== '') {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1) {
      throw badRequest(`Invalid limit '${limitText}': it must be a positive integer.`)
    }
    limit = Math.min(Number(limitText), EXTENSION_PAGE_SIZE)
  }
  const marker = c.req.query('marker')
  return { limit, marker: marker === '' ? undefined : marker }
}

/** The `links` of a page: a `next` link carrying the last item's marker while more remain. */
export function pageLinks(
  c: TroveContext,
  limit: number,
  more: boolean,
  lastMarker: string | undefined,
): { links?: { rel: string; href: string }[] } {
  if (!more || lastMarker === undefined) return {}
  const url = new URL(c.req.url)
  const next = new URLSearchParams(url.search)
  next.set('limit', String(limit))
  next.set('marker', lastMarker)
  return { links: [{ rel: 'next', href: `${requestOrigin(c)}${url.pathname}?${next.toString()}` }] }
}

/** The JSON body checked against a request schema; jsonschema-style 400s otherwise. */
export async function parseBody<S extends z.core.$ZodType>(
  c: TroveContext,
  schema: S,
  shape: string,
): Promise<z.infer<S>> {
  const body = await readBody(c)
  if (body === undefined) throw badRequest(`The request body is empty; send ${shape}.`)
  const parsed = z.safeParse(schema, body)
  if (!parsed.success) throw badRequest(validationMessage(parsed.error.issues, body))
  return parsed.data
}

/** `{id}` of a user in a path: `name@host` or `name`, percent-decoded once by the router. */
export function userParam(c: TroveContext): string {
  return c.req.param('user') ?? ''
}

/** `UserNotFound`. */
export const userNotFound = (id: string) =>
  new TroveFault(404, `User ${id} cannot be found on the instance.`)

/** `DatabaseNotFound`. */
export const databaseNotFound = (name: string) =>
  new TroveFault(404, `Database ${name} cannot be found on the instance.`)
