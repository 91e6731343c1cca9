import type { MiddlewareHandler } from 'hono'
import { rawPath } from './request-guards'

/** The media type of a Content-Type header, lower-cased, without parameters. */
function mediaType(header: string | undefined): string | undefined {
  const t = header?.split(';')[0]?.trim().toLowerCase()
  return t ? t : undefined
}

/** Trove's deserializers: JSON only (`application/json`, or its vendor type). */
const TROVE_TYPES = new Set(['application/json', 'application/vnd.openstack.trove+json'])

/** Flask's `is_json`: `application/json` or any `application/*+json`. */
const isFlaskJson = (t: string) =>
  t === 'application/json' || (t.startsWith('application/') && t.endsWith('+json'))

function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length')
  if (length !== null) return Number(length) > 0
  return headers.has('transfer-encoding')
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/**
 * A body sent with another Content-Type than JSON is refused before it is read, as the real APIs
 * do (recorded from Trove 18 and Keystone 22): Trove's WSGI layer answers webob's 415, Keystone's
 * flask layer a 400 naming the header, the DBaaS API a 415 `{"message"}`. A request without a
 * body passes whatever its Content-Type.
 */
export const contentTypeGuard: MiddlewareHandler = async (c, next) => {
  if (!hasBody(c.req.raw.headers)) return next()
  const path = rawPath(c.req.url)
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`)
  const type = mediaType(c.req.header('content-type'))
  if (under('/trove') && !(type && TROVE_TYPES.has(type))) {
    return json(415, {
      message: `The request media type ${type ?? 'None'} is not supported by this server.\n<br /><br />\n`,
      code: '415 Unsupported Media Type',
      title: 'Unsupported Media Type',
    })
  }
  if (under('/v3') && !(type && isFlaskJson(type))) {
    return json(400, {
      error: {
        code: 400,
        message:
          'Expecting to find application/json in Content-Type header. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.',
        title: 'Bad Request',
      },
    })
  }
  if (under('/dbaas') && type !== 'application/json') {
    return json(415, {
      message: `The request media type ${type ?? '(none)'} is not supported: send application/json.`,
    })
  }
  return next()
}
