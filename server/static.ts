import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import type { Context, Hono } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/** Types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/
/** Below this size compression saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024

/** Paths the SPA fallback never answers: they belong to the APIs. */
const API_PREFIXES = ['/v3', '/trove', '/gw', '/healthz', '/api', '/dbaas']

const IMMUTABLE = 'public, max-age=31536000, immutable'

export function staticDirExists(dir: string): boolean {
  return existsSync(join(resolve(dir), 'index.html'))
}

/** One file of the build, read once: its bytes, its ETag and its compressed forms (made once). */
interface CachedFile {
  body: Buffer
  type: string
  etag: string
  mtimeMs: number
  size: number
  br?: Buffer
  gzip?: Buffer
}

type Encoding = 'br' | 'gzip' | 'identity'

/** The encoding to send: brotli preferred, then gzip, as Accept-Encoding allows (q=0 refuses). */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity'
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return 'identity'
}

function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  // Weak comparison (RFC 9110 13.1.2): W/ prefixes do not matter.
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare)
}

/**
 * Serves the built SPA from `dir`: files as they are (hashed `/assets/*` cached for a year,
 * everything else `no-cache` and revalidated with its ETag), compressed with brotli or gzip as the
 * client accepts (compressed once, on first request), and index.html for any other GET so client-side routes survive a reload.
 * Files are read once and kept in memory (the build is small); a rebuilt file (new size or
 * mtime) is read again.
 */
export function registerStatic(app: Hono, dir: string): void {
  const root = resolve(dir)
  const cache = new Map<string, CachedFile>()

  function load(file: string): CachedFile | undefined {
    let stat
    try {
      stat = statSync(file)
    } catch {
      return undefined
    }
    if (!stat.isFile()) return undefined
    const hit = cache.get(file)
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit
    const body = readFileSync(file)
    const hash = createHash('sha1').update(body).digest('base64url').slice(0, 20)
    const entry: CachedFile = {
      body,
      type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      etag: `W/"${body.length.toString(16)}-${hash}"`,
      mtimeMs: stat.mtimeMs,
      size: stat.size,
    }
    cache.set(file, entry)
    return entry
  }

  const compressible = (f: CachedFile) =>
    COMPRESSIBLE.test(f.type) && f.body.length >= MIN_COMPRESS_BYTES

  /**
   * Compressed once per file, on its first request, and kept: brotli at quality 5 (about 0.2 s
   * for the largest chunk; quality 11 saves another 10 % for ten times the CPU, too much for a
   * server that restarts often in tests), gzip at 9.
   */
  function encoded(f: CachedFile, encoding: Encoding): Buffer | undefined {
    if (encoding === 'identity' || !compressible(f)) return undefined
    if (encoding === 'br') {
      f.br ??= brotliCompressSync(f.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
      return f.br
    }
    f.gzip ??= gzipSync(f.body, { level: 9 })
    return f.gzip
  }

  function send(c: Context, f: CachedFile, cacheControl: string): Response {
    const headers: Record<string, string> = {
      'Content-Type': f.type,
      'Cache-Control': cacheControl,
      ETag: f.etag,
      Vary: 'Accept-Encoding',
    }
    if (ifNoneMatchHits(c.req.header('if-none-match'), f.etag)) {
      return new Response(null, { status: 304, headers })
    }
    const encoding = negotiateEncoding(c.req.header('accept-encoding'))
    const compressed = encoded(f, encoding)
    const body = compressed ?? f.body
    if (compressed) headers['Content-Encoding'] = encoding
    headers['Content-Length'] = String(body.length)
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    })
  }

  app.get('*', (c) => {
    // The malformed-URL guard (request-guards.ts) runs first; this catch is the last resort.
    let path: string
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname)
    } catch {
      return c.text('Bad Request: the path is not a valid URL encoding.', 400)
    }
    if (API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return c.notFound()
    const index = load(join(root, 'index.html'))
    if (!index) {
      return c.html(
        '<!doctype html><title>dbaas-console</title><p>The console is not built yet. Run <code>npm run build</code>, then restart the server.</p>',
        503,
      )
    }
    const file = normalize(join(root, path))
    const inside = file === root || file.startsWith(root + sep)
    const found = inside && file !== root ? load(file) : undefined
    if (found) return send(c, found, path.startsWith('/assets/') ? IMMUTABLE : 'no-cache')
    if (path.startsWith('/assets/')) return c.text('Not Found', 404)
    return send(c, index, 'no-cache')
  })
}
