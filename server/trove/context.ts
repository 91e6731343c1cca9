import type { Context } from 'hono'
import type { Db } from '../store/db'
import type { Clock } from '../engine/clock'
import type { Engine } from '../engine/engine'
import type { AuthContext } from '../identity/tokens'
import type { ViewContext } from './views'
import { isPlainObject, readJsonBody } from '../http-util'
import { badRequest, malformedBody } from './errors'

export interface TroveDeps {
  db: Db
  clock: Clock
  engine: Engine
  /** Largest page a list answers (`--page-size-max`). */
  pageSizeMax: number
  /** Trove's max_accepted_volume_size (GB). */
  maxVolumeSize: number
  /** Rate limit per tenant and verb per minute (`--rate-limit`); 0 counts without refusing. */
  rateLimitPerMinute?: number
  /**
   * Console extension, off by default: user and database management on PostgreSQL instances.
   * Real Trove 18 refuses it (422 "Operation not supported for datastore postgresql.").
   */
  postgresqlUsersExtension?: boolean
}

export type TroveEnv = {
  Variables: { auth: AuthContext; region: string; tenant: string; vc: ViewContext }
}
export type TroveContext = Context<TroveEnv>

/** Reads the JSON body: malformed -> webob 400; returns undefined when empty. */
export async function readBody(c: Context): Promise<unknown> {
  try {
    return await readJsonBody(c)
  } catch {
    throw malformedBody()
  }
}

/** The body as `{"<key>": {...}}`; empty or non-object bodies are a 400 naming what is expected. */
export async function requireWrapped(c: Context, key: string): Promise<Record<string, unknown>> {
  const body = await readBody(c)
  if (body === undefined) throw badRequest(`The request body is empty; send {"${key}": {...}}.`)
  if (!isPlainObject(body))
    throw badRequest(`The request body must be a JSON object: {"${key}": {...}}.`)
  return body
}
