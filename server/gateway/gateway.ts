import { Hono, type Context } from 'hono'
import {
  learnCatalog,
  parseGatewayPath,
  rewriteCatalog,
  type CatalogEntryLike,
  type EndpointMap,
} from './catalog-rewrite'

export interface GatewayOptions {
  /** Keystone v3 URL of the real cloud, e.g. http://keystone.example:5000/v3 */
  keystoneUrl: string
  fetchImpl?: typeof fetch
  /** Request log (method, path, status, duration): never tokens, passwords or bodies. */
  log?: (line: string) => void
}

/** Headers that belong to one hop and are never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'accept-encoding',
  'cookie',
])
/** Response headers that no longer hold once fetch has decoded the body. */
const RESPONSE_DROP = new Set([...HOP_BY_HOP, 'content-encoding', 'set-cookie'])

export function normalizeKeystoneUrl(url: string): string {
  const u = new URL(url)
  const path = u.pathname.replace(/\/+$/, '')
  return `${u.origin}${path.endsWith('/v3') ? path : `${path}/v3`}`
}

function forwardHeaders(src: Headers): Headers {
  const out = new Headers()
  src.forEach((value, key) => {
    if (!HOP_BY_HOP.has(key.toLowerCase())) out.set(key, value)
  })
  out.set('accept-encoding', 'identity')
  return out
}

function responseHeaders(src: Headers): Headers {
  const out = new Headers()
  src.forEach((value, key) => {
    if (!RESPONSE_DROP.has(key.toLowerCase())) out.set(key, value)
  })
  return out
}

function publicOrigin(c: Context): string {
  const url = new URL(c.req.url)
  const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? url.host
  const proto = c.req.header('x-forwarded-proto') ?? url.protocol.replace(':', '')
  return `${proto}://${host}`
}

const TITLES: Record<number, string> = { 404: 'Not Found' }
const FAULTS: Record<number, string> = { 404: 'itemNotFound' }

function gatewayError(status: number, message: string, keystoneStyle: boolean): Response {
  const body = keystoneStyle
    ? { error: { code: status, title: TITLES[status] ?? 'Bad Gateway', message } }
    : { [FAULTS[status] ?? 'badGateway']: { code: status, message } }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

/**
 * Gateway mode: the console on a real OpenStack cloud. `/v3/...` goes to Keystone with the token
 * catalog rewritten to same-origin `/gw/{endpointId}/...` paths, which are forwarded to the real
 * service URL. Bodies stream through; OpenStack headers pass both ways.
 */
export function createGateway(opts: GatewayOptions): Hono {
  const keystone = normalizeKeystoneUrl(opts.keystoneUrl)
  const doFetch = opts.fetchImpl ?? fetch
  const endpoints: EndpointMap = new Map()
  const log = opts.log ?? (() => {})

  async function forward(c: Context, target: string, keystoneStyle: boolean): Promise<Response> {
    const started = Date.now()
    const req = c.req.raw
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.body !== null
    // Request bodies (small JSON documents) are buffered: Python WSGI servers behind Keystone and
    // Trove need a Content-Length and do not read chunked uploads. Their size is capped before
    // this by the gateway app's body limit (request-guards.ts), which refuses an oversized body
    // with 413 unread. Responses stream through.
    const body = hasBody ? await req.arrayBuffer() : undefined
    let upstream: Response
    try {
      upstream = await doFetch(target, {
        method: req.method,
        headers: forwardHeaders(req.headers),
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(60_000),
      })
    } catch {
      log(`${req.method} ${new URL(req.url).pathname} -> 502 (${Date.now() - started} ms)`)
      return gatewayError(
        502,
        `The cloud at ${new URL(target).origin} could not be reached.`,
        keystoneStyle,
      )
    }
    log(
      `${req.method} ${new URL(req.url).pathname} -> ${upstream.status} (${Date.now() - started} ms)`,
    )
    return new Response(upstream.body, {
      status: upstream.status,
      headers: responseHeaders(upstream.headers),
    })
  }

  /** Token and catalog answers carry the catalog: rewrite it before the browser sees it. */
  async function withRewrittenCatalog(c: Context, res: Response): Promise<Response> {
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return res
    const body = (await res.json()) as {
      token?: { catalog?: CatalogEntryLike[] }
      catalog?: CatalogEntryLike[]
    }
    const catalog = body.token?.catalog ?? body.catalog
    if (catalog) rewriteCatalog(catalog, publicOrigin(c), endpoints)
    const headers = new Headers(res.headers)
    headers.delete('content-length')
    return new Response(JSON.stringify(body), { status: res.status, headers })
  }

  /** After a restart the map is empty: learn it again from the caller's own catalog. */
  async function learnFor(token: string | undefined): Promise<void> {
    if (!token) return
    try {
      const res = await doFetch(`${keystone}/auth/catalog`, {
        headers: { 'X-Auth-Token': token, Accept: 'application/json' },
        signal: AbortSignal.timeout(15_000),
      })
      if (!res.ok) return
      const body = (await res.json()) as { catalog?: CatalogEntryLike[] }
      if (body.catalog) learnCatalog(body.catalog, endpoints)
    } catch {
      // Keystone unreachable: the forward below reports it
    }
  }

  const app = new Hono()
  app.get('/healthz', (c) => c.json({ status: 'ok', mode: 'gateway' }))

  app.all('/v3/*', async (c) => {
    const url = new URL(c.req.url)
    const target = `${keystone}${url.pathname.slice('/v3'.length)}${url.search}`
    const res = await forward(c, target, true)
    const path = url.pathname.replace(/\/+$/, '')
    if (path === '/v3/auth/tokens' || path === '/v3/auth/catalog') {
      return withRewrittenCatalog(c, res)
    }
    return res
  })

  app.all('/gw/*', async (c) => {
    const url = new URL(c.req.url)
    const parsed = parseGatewayPath(url.pathname)
    if (!parsed) return gatewayError(404, 'No such endpoint.', false)
    let origin = endpoints.get(parsed.endpointId)
    if (!origin) {
      await learnFor(c.req.header('x-auth-token'))
      origin = endpoints.get(parsed.endpointId)
    }
    if (!origin) {
      return gatewayError(404, `Endpoint ${parsed.endpointId} is not in your catalog.`, false)
    }
    return forward(c, `${origin}${parsed.rest}${url.search}`, false)
  })

  return app
}
