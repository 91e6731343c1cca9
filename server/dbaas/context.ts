import type { Context } from 'hono'
import { z } from 'zod'
import type { Db } from '../store/db'
import type { Clock } from '../engine/clock'
import type { Engine } from '../engine/engine'
import type { AuthContext } from '../identity/tokens'
import { readJsonBody } from '../http-util'
import { badRequest, invalidBody } from './errors'

export interface DbaasDeps {
  db: Db
  clock: Clock
  engine: Engine
}

export type DbaasEnv = {
  Variables: { auth: AuthContext; region: string; projectId: string }
}
export type DbaasContext = Context<DbaasEnv>

/** Where the caller's resources live: the token's project, the region in the path. */
export interface Scope {
  projectId: string
  region: string
}
export const scopeOf = (c: DbaasContext): Scope => ({
  projectId: c.get('projectId'),
  region: c.get('region'),
})

/**
 * The JSON body checked against its request schema. An empty body counts as `{}` (every field of
 * the logs and metrics bodies is optional); malformed JSON and schema violations are 400s.
 */
export async function parseBody<S extends z.core.$ZodType>(
  c: Context,
  schema: S,
): Promise<z.infer<S>> {
  let body: unknown
  try {
    body = await readJsonBody(c)
  } catch {
    throw badRequest('The request body is not valid JSON.')
  }
  const parsed = z.safeParse(schema, body ?? {})
  if (!parsed.success) throw invalidBody(parsed.error)
  return parsed.data
}
