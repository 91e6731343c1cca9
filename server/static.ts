import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Hono } from 'hono'

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

/** Paths the SPA fallback never answers: they belong to the APIs. */
const API_PREFIXES = ['/v3', '/trove', '/gw', '/healthz', '/api', '/dbaas']

export function staticDirExists(dir: string): boolean {
  return existsSync(join(resolve(dir), 'index.html'))
}

/**
 * Serves the built SPA from `dir`: files as they are (hashed `/assets/*` cached for a year),
 * and index.html for any other GET so client-side routes survive a reload.
 */
export function registerStatic(app: Hono, dir: string): void {
  const root = resolve(dir)
  app.get('*', (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname)
    if (API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return c.notFound()
    const indexFile = join(root, 'index.html')
    if (!existsSync(indexFile)) {
      return c.html(
        '<!doctype html><title>dbaas-console</title><p>The console is not built yet. Run <code>npm run build</code>, then restart the server.</p>',
        503,
      )
    }
    const file = normalize(join(root, path))
    if (
      (file === root || file.startsWith(root + sep)) &&
      existsSync(file) &&
      statSync(file).isFile()
    ) {
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
      return c.body(readFileSync(file), 200, { 'Content-Type': type, 'Cache-Control': cache })
    }
    if (path.startsWith('/assets/')) return c.text('Not Found', 404)
    return c.body(readFileSync(indexFile), 200, {
      'Content-Type': TYPES['.html']!,
      'Cache-Control': 'no-cache',
    })
  })
}
