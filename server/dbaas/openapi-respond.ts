import type { Context } from 'hono'
import type { z } from 'zod'
import type { components, operations } from '../../src/api/dbaas/openapi.gen'
import type { ResponseBody } from '../respond'

/** Component schemas of the Exoscale OpenAPI document, as openapi-typescript generated them. */
export type DbaasSchemas = components['schemas']

/** A component of the document that also satisfies the SPA's schema `S` for it. */
export type DbaasBody<K extends keyof DbaasSchemas, S extends z.core.$ZodType> = DbaasSchemas[K] &
  ResponseBody<S>

/** The 200 JSON body of an Exoscale DBaaS operation, typed by the OpenAPI document. */
export type OperationBody<Id extends keyof operations> =
  operations[Id]['responses'][200]['content']['application/json']

/**
 * Sends the 200 answer of operation `operationId`: `body` must satisfy both the OpenAPI document's
 * type for it and the SPA's schema, so the embedded cloud cannot drift from either at compile
 * time (server/contract/responses.test.ts checks both at run time).
 */
export function respondOperation<Id extends keyof operations, S extends z.core.$ZodType>(
  c: Context,
  _operationId: Id,
  _schema: S,
  body: OperationBody<Id> & ResponseBody<S>,
): Response {
  return c.json(body as object, 200)
}
