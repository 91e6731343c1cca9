import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { TROVE_FAULT_NAMES } from '../src/api/common/schemas'

/** Largest request body the server reads (`--max-body`, MAX_BODY): 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/** The statuses the guards answer before a route runs. */
export type GuardStatus = 400 | 413 | 415 | 503

/** The statuses an error envelope is built for: the guards', and the console session API's. */
export type ApiErrorStatus = GuardStatus | 401 | 403

const KEYSTONE_TITLES: Record<ApiErrorStatus, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  503: 'Service Unavailable',
}

/** Keystone's own cap on request bodies (`max_request_body_size`, 114688 bytes). */
export const KEYSTONE_MAX_BODY_BYTES = 114_688

/**
 * An error in the envelope of the API that owns `path`: Keystone `{"error": {...}}` under `/v3`,
 * DBaaS `{"message"}` under `/dbaas`, Trove's fault (`badRequest`, `overLimit`) under `/trove` and
 * the gateway's `/gw`; elsewhere plain text for the SPA's own paths, or Keystone's envelope where
 * the caller's API speaks it (the console session API, which the SPA reads as Keystone answers).
 */
export function apiErrorResponse(
  path: string,
  status: ApiErrorStatus,
  message: string,
  elsewhere: 'text' | 'keystone' = 'text',
): Response {
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`)
  const keystone = () => json({ error: { code: status, title: KEYSTONE_TITLES[status], message } })
  if (under('/v3')) return keystone()
  if (under('/dbaas')) return json({ message })
  if (under('/trove') || under('/gw')) {
    return json({ [TROVE_FAULT_NAMES[status]]: { code: status, message } })
  }
  if (elsewhere === 'keystone') return keystone()
  return new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
}

/** The raw path of a request URL, without decoding it. */
export function rawPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3)
  if (start < 0) return '/'
  const end = url.slice(start).search(/[?#]/)
  return end < 0 ? url.slice(start) : url.slice(start, start + end)
}

/** A path that does not decode (`/%E0%A4%A`) is a 400 in the owning API's envelope, never a 500. */
export const malformedUrlGuard: MiddlewareHandler = async (c, next) => {
  const path = rawPath(c.req.url)
  try {
    decodeURIComponent(path)
  } catch {
    return apiErrorResponse(path, 400, `The request path is not a valid URL encoding: ${path}`)
  }
  await next()
}

/**
 * Refuses request bodies above `maxBytes` with 413 before they are buffered: a Content-Length
 * above the limit is refused unread, and a chunked body is counted as it arrives and cut off at
 * the limit (hono/body-limit). Keystone's paths (`/v3`, login included) get Keystone's own
 * smaller cap when `maxBytes` is larger.
 */
export function requestBodyLimit(maxBytes: number): MiddlewareHandler {
  const limit = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: (c) =>
        apiErrorResponse(
          rawPath(c.req.url),
          413,
          `The request body is larger than this server accepts (${max} bytes).`,
        ),
    })
  const general = limit(maxBytes)
  const identity = limit(Math.min(maxBytes, KEYSTONE_MAX_BODY_BYTES))
  return (c, next) => {
    const path = rawPath(c.req.url)
    return path === '/v3' || path.startsWith('/v3/') ? identity(c, next) : general(c, next)
  }
}
