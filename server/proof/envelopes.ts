import { TROVE_FAULT_NAMES } from '../../src/api/common/schemas'
import { isPlainObject } from '../http-util'
import type { Face } from './endpoints'

const isStr = (v: unknown): v is string => typeof v === 'string'

/** Keystone: `{"error": {"code": <status>, "title", "message"}}`. */
function keystoneProblem(status: number, body: unknown): string | null {
  const e = isPlainObject(body) ? body.error : undefined
  if (!isPlainObject(e) || e.code !== status || !isStr(e.title) || !isStr(e.message))
    return 'not a Keystone error envelope {"error": {"code", "title", "message"}}'
  return null
}

/**
 * Trove: the fault envelope `{"<faultName>": {"code": <status>, "message"}}`; or what its WSGI
 * middleware answers before the controller (webob JSON `{"message", "code": "400 Bad Request",
 * "title"}` for malformed JSON and the tenant mismatch 403); or keystonemiddleware's Keystone 401.
 */
function troveProblem(status: number, body: unknown): string | null {
  if (!isPlainObject(body)) return 'not a JSON object'
  const name = (TROVE_FAULT_NAMES as Record<number, string>)[status]
  const fault = name ? body[name] : undefined
  if (isPlainObject(fault)) {
    if (fault.code !== status || !isStr(fault.message) || Object.keys(body).length !== 1)
      return `bad ${name} fault`
    return null
  }
  if (
    (status === 400 || status === 403 || status === 415) &&
    isStr(body.message) &&
    body.code === `${status} ${String(body.title)}`
  )
    return null
  if (status === 401 && keystoneProblem(status, body) === null) return null
  return `not a Trove fault envelope {"${name ?? '?'}": {"code", "message"}}`
}

/** DBaaS API (Exoscale-style): `{"message": "..."}`. */
function dbaasProblem(body: unknown): string | null {
  if (!isPlainObject(body) || !isStr(body.message) || body.message === '')
    return 'not a DBaaS error {"message": ...}'
  return null
}

/** Why an error answer is not in its API's documented shape (null when it is). */
export function errorShapeProblem(
  face: Face,
  status: number,
  contentType: string | null,
  body: unknown,
): string | null {
  if (face === 'other') return null
  if (!(contentType ?? '').includes('application/json')) return `content-type ${contentType}`
  if (face === 'keystone') return keystoneProblem(status, body)
  if (face === 'trove') return troveProblem(status, body)
  return dbaasProblem(body)
}
