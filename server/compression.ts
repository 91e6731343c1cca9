import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'
import type { Context, MiddlewareHandler } from 'hono'
import { negotiateEncoding } from './static'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Bodies worth compressing: JSON (and `+json`), plain text and CSV. Never event streams. */
const COMPRESSIBLE = /^(application\/([\w.-]+\+)?json|text\/(plain|csv))\b/i
/** Below this size compression saves less than its headers cost (same as static.ts). */
export const MIN_COMPRESS_BYTES = 1024

type Coding = 'br' | 'gzip'

/**
 * The ETag of a body: a strong validator over the identity bytes, with the content coding as a
 * suffix (`"<sha1>"`, `"<sha1>.br"`, `"<sha1>.gz"`), since a strong ETag names one representation.
 */
export function bodyEtag(body: Uint8Array, coding?: Coding): string {
  const hash = createHash('sha1').update(body).digest('base64url')
  return `"${hash}${coding === 'br' ? '.br' : coding === 'gzip' ? '.gz' : ''}"`
}

/** Does If-None-Match name this body (in any of its codings)? Weak comparison, as RFC 9110 asks. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const base = (tag: string) =>
    tag
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1')
      .replace(/\.(br|gz)$/, '')
  const mine = base(etag)
  return header.split(',').some((t) => base(t) === mine)
}

function appendVary(headers: Headers, value: string): void {
  const vary = headers.get('vary')
  if (!vary) headers.set('vary', value)
  else if (
    !vary
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(value.toLowerCase())
  ) {
    headers.set('vary', `${vary}, ${value}`)
  }
}

async function compress(body: Uint8Array, coding: Coding): Promise<Uint8Array<ArrayBuffer>> {
  // Quality 4 (brotli) and level 6 (gzip): fast enough for a 14 MB list on every poll, and still
  // a 10-20× smaller JSON body. Static files are compressed harder, once (static.ts).
  const out =
    coding === 'br'
      ? await brotli(body, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: 4,
            [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : await gzipAsync(body, { level: 6 })
  // A copy of the (small) compressed bytes, as a plain ArrayBuffer-backed array for Response.
  return new Uint8Array(out)
}

/**
 * Compression and conditional requests for the APIs' answers (embedded cloud and gateway alike):
 * - a JSON or text body of at least 1 KiB goes out brotli- or gzip-compressed, as Accept-Encoding
 *   allows (brotli preferred), with `Vary: Accept-Encoding`;
 * - a successful `GET` with a JSON body (lists above all) gets a strong ETag over its bytes and
 *   `Cache-Control: private, no-cache` unless the route set one; `If-None-Match` naming it is
 *   answered 304 with no body;
 * - left alone: bodies already encoded (static files), event streams, HEAD, 204/206/304, and any
 *   response whose Cache-Control says `no-transform` (a long poll or stream that must not be held
 *   back to be compressed says so).
 */
export const compressAndValidate: MiddlewareHandler = async (c, next) => {
  await next()
  const res = c.res
  const method = c.req.method
  if (method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return
  if (res.headers.has('content-encoding') || !res.body) return
  const type = res.headers.get('content-type') ?? ''
  if (!COMPRESSIBLE.test(type)) return
  if (/\bno-transform\b/i.test(res.headers.get('cache-control') ?? '')) return

  const body = new Uint8Array(await res.arrayBuffer())
  const headers = new Headers(res.headers)
  headers.delete('content-length')
  const coding =
    body.length >= MIN_COMPRESS_BYTES
      ? negotiateEncoding(c.req.header('accept-encoding'))
      : 'identity'
  const encoded = coding === 'identity' ? undefined : coding
  if (body.length >= MIN_COMPRESS_BYTES) appendVary(headers, 'Accept-Encoding')

  const validated = method === 'GET' && res.status === 200 && /json/i.test(type)
  if (validated) {
    const etag = bodyEtag(body, encoded)
    headers.set('etag', etag)
    if (!headers.has('cache-control')) headers.set('cache-control', 'private, no-cache')
    if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) {
      for (const h of ['content-type', 'content-encoding']) headers.delete(h)
      replace(c, new Response(null, { status: 304, statusText: 'Not Modified', headers }))
      return
    }
  }

  const out = encoded ? await compress(body, encoded) : body
  if (encoded) headers.set('content-encoding', encoded)
  headers.set('content-length', String(out.byteLength))
  replace(c, new Response(out, { status: res.status, statusText: res.statusText, headers }))
}

/** Hono merges the old response's headers into a new one (a stale Content-Length among them). */
function replace(c: Context, res: Response): void {
  c.res = undefined
  c.res = res
}
