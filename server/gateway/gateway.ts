import { Hono, type Context } from 'hono'
import { createHash } from 'node:crypto'
import {
  catalogEndpoints,
  parseGatewayPath,
  rewriteCatalog,
  upstreamTarget,
  type CatalogEntryLike,
  type EndpointInterface,
  type EndpointMap,
} from './catalog-rewrite'
import { publicOriginOf } from '../public-origin'

export interface GatewayOptions {
  /** Keystone v3 URL of the real cloud, e.g. http://keystone.example:5000/v3 */
  keystoneUrl: string
  fetchImpl?: typeof fetch
  /** Request log (method, path, status, duration): never tokens, passwords or bodies. */
  log?: (line: string) => void
  /** The catalog interface forwarded to (`--gateway-interface`); public by default. */
  endpointInterface?: EndpointInterface
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

/** The console's origin for this request: configured, never taken from the request's headers. */
function publicOrigin(c: Context): string {
  return publicOriginOf(c.req) ?? new URL(c.req.url).origin
}

const TITLES: Record<number, string> = {
  401: 'Unauthorized',
  404: 'Not Found',
  503: 'Service Unavailable',
}
const FAULTS: Record<number, string> = { 404: 'itemNotFound', 503: 'serviceUnavailable' }

function gatewayError(status: number, message: string, keystoneStyle: boolean): Response {
  const body = keystoneStyle
    ? { error: { code: status, title: TITLES[status] ?? 'Bad Gateway', message } }
    : { [FAULTS[status] ?? 'badGateway']: { code: status, message } }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

const KEYSTONE_401 = {
  error: {
    code: 401,
    title: 'Unauthorized',
    message: 'The request you have made requires authentication.',
  },
}

/** How long a token's catalog is kept (its endpoints rarely change; revocation is upstream's). */
const CATALOG_TTL_MS = 60_000
/** Catalogs kept at most (one per live token): the oldest go first. */
const CATALOG_CACHE_MAX = 10_000
/** JSON bodies larger than this stream through unrewritten (Trove pages are far smaller). */
const REWRITE_MAX_BYTES = 16 * 1024 * 1024

const tokenKey = (token: string) => createHash('sha256').update(token).digest('base64url')

/** Keystone's own paths that need no token: version discovery and login. */
function isKeystoneAuthPath(method: string, path: string): boolean {
  const p = path.replace(/\/+$/, '')
  if (p === '/v3') return method === 'GET' || method === 'HEAD'
  return p === '/v3/auth/tokens' && method === 'POST'
}

/** Every spelling of an upstream origin a body or header may carry (Trove hard-codes https). */
function originSpellings(origin: URL): string[] {
  const host = origin.host
  return [`http://${host}`, `https://${host}`]
}

/** Replaces upstream addresses in a text (a `Location`, a JSON body's links). */
function replaceOrigins(text: string, pairs: [string, string][]): string {
  let out = text
  for (const [from, to] of pairs) out = out.split(from).join(to)
  return out
}

/**
 * Gateway mode: the console on a real OpenStack cloud. `/v3/...` goes to Keystone with the token
 * catalog rewritten to same-origin `/gw/{endpointId}/...` paths, which are forwarded to the real
 * service URL, and only for a token whose own catalog lists that endpoint (public interface
 * unless configured). The console's origin is configured (`--public-url`, trusted proxies), never
 * read from a request, so no client changes what another sees; upstream addresses in `Location`
 * headers and JSON bodies are rewritten to the console's paths.
 */
export function createGateway(opts: GatewayOptions): Hono {
  const keystone = normalizeKeystoneUrl(opts.keystoneUrl)
  const keystoneOrigin = new URL(keystone)
  const doFetch = opts.fetchImpl ?? fetch
  const allowed = opts.endpointInterface ?? 'public'
  const log = opts.log ?? (() => {})
  const catalogs = new Map<string, { endpoints: EndpointMap; until: number }>()

  const remember = (token: string, endpoints: EndpointMap) => {
    if (catalogs.size >= CATALOG_CACHE_MAX) {
      const oldest = catalogs.keys().next().value
      if (oldest !== undefined) catalogs.delete(oldest)
    }
    catalogs.set(tokenKey(token), { endpoints, until: Date.now() + CATALOG_TTL_MS })
  }

  /**
   * The endpoints of this token's own catalog (cached; asked of Keystone with the token).
   * 'refused': Keystone refused the token; 'unavailable': Keystone did not answer (a timeout, a
   * 5xx), which says nothing about the token, so the user is not signed out for it.
   */
  async function endpointsOf(token: string): Promise<EndpointMap | 'refused' | 'unavailable'> {
    const key = tokenKey(token)
    const hit = catalogs.get(key)
    if (hit && hit.until > Date.now()) return hit.endpoints
    catalogs.delete(key)
    try {
      const res = await doFetch(`${keystone}/auth/catalog`, {
        headers: { 'X-Auth-Token': token, Accept: 'application/json' },
        signal: AbortSignal.timeout(15_000),
      })
      if (res.status >= 500) return 'unavailable'
      if (!res.ok) return 'refused'
      const body = (await res.json()) as { catalog?: CatalogEntryLike[] }
      const endpoints = catalogEndpoints(body.catalog ?? [], allowed)
      remember(token, endpoints)
      return endpoints
    } catch {
      return 'unavailable'
    }
  }

  /** Streams a request body when its length is known (WSGI servers need a Content-Length). */
  async function requestBody(c: Context, headers: Headers) {
    const req = c.req.raw
    if (req.method === 'GET' || req.method === 'HEAD' || req.body === null) return {}
    // The journal read it already (Hono's body cache): send that text (fetch sets its length).
    if (req.bodyUsed) {
      headers.delete('content-length')
      return { body: await c.req.text() }
    }
    const length = req.headers.get('content-length')
    if (length !== null && /^\d+$/.test(length)) {
      headers.set('content-length', length)
      return { body: req.body, duplex: 'half' as const }
    }
    // Chunked: buffered (the body limit in front has already bounded it) to send a length.
    return { body: await req.arrayBuffer() }
  }

  async function forward(
    c: Context,
    target: string,
    keystoneStyle: boolean,
    rewrite: [string, string][],
  ): Promise<Response> {
    const started = Date.now()
    const req = c.req.raw
    const headers = forwardHeaders(req.headers)
    let upstream: Response
    try {
      upstream = await doFetch(target, {
        method: req.method,
        headers,
        ...(await requestBody(c, headers)),
        redirect: 'manual',
        signal: AbortSignal.timeout(60_000),
      } as RequestInit)
    } catch {
      log(`${req.method} ${new URL(req.url).pathname} -> 502 (${Date.now() - started} ms)`)
      return gatewayError(502, 'The cloud could not be reached.', keystoneStyle)
    }
    log(
      `${req.method} ${new URL(req.url).pathname} -> ${upstream.status} (${Date.now() - started} ms)`,
    )
    const out = responseHeaders(upstream.headers)
    const location = out.get('location')
    if (location) out.set('location', replaceOrigins(location, rewrite))
    const type = upstream.headers.get('content-type') ?? ''
    const size = Number(upstream.headers.get('content-length') ?? '0')
    if (type.includes('json') && upstream.body !== null && size <= REWRITE_MAX_BYTES) {
      const text = replaceOrigins(await upstream.text(), rewrite)
      out.delete('content-length')
      return new Response(text, { status: upstream.status, headers: out })
    }
    return new Response(upstream.body, { status: upstream.status, headers: out })
  }

  /** Token and catalog answers carry the catalog: rewrite it before the browser sees it. */
  async function withRewrittenCatalog(c: Context, res: Response): Promise<Response> {
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return res
    const body = (await res.json()) as {
      token?: { catalog?: CatalogEntryLike[] }
      catalog?: CatalogEntryLike[]
    }
    const catalog = body.token?.catalog ?? body.catalog
    if (catalog) {
      const endpoints = rewriteCatalog(catalog, publicOrigin(c), allowed)
      // A login's catalog belongs to the token it issued (a validation's, to the subject).
      const token = res.headers.get('x-subject-token') ?? c.req.header('x-auth-token')
      if (token && (body.catalog || c.req.method === 'POST')) remember(token, endpoints)
    }
    const headers = new Headers(res.headers)
    headers.delete('content-length')
    return new Response(JSON.stringify(body), { status: res.status, headers })
  }

  const app = new Hono()
  app.get('/healthz', (c) => c.json({ status: 'ok', mode: 'gateway' }))

  app.all('/v3/*', async (c) => {
    const url = new URL(c.req.url)
    if (!c.req.header('x-auth-token') && !isKeystoneAuthPath(c.req.method, url.pathname)) {
      return c.json(KEYSTONE_401, 401)
    }
    const target = `${keystone}${url.pathname.slice('/v3'.length)}${url.search}`
    const pub = `${publicOrigin(c)}/v3`
    const rewrite = originSpellings(keystoneOrigin).map((o): [string, string] => [
      `${o}${keystoneOrigin.pathname.replace(/\/+$/, '')}`,
      pub,
    ])
    const path = url.pathname.replace(/\/+$/, '')
    if (path === '/v3/auth/tokens' || path === '/v3/auth/catalog') {
      // The catalog is rewritten endpoint by endpoint (a text rewrite would turn Keystone's own
      // endpoint into the console's address before it is recorded).
      return withRewrittenCatalog(c, await forward(c, target, true, []))
    }
    return forward(c, target, true, rewrite)
  })

  app.all('/gw/*', async (c) => {
    const url = new URL(c.req.url)
    const parsed = parseGatewayPath(url.pathname)
    if (!parsed) return gatewayError(404, 'No such endpoint.', false)
    const token = c.req.header('x-auth-token')
    if (!token) return c.json(KEYSTONE_401, 401)
    const checked = Date.now()
    const endpoints = await endpointsOf(token)
    if (endpoints === 'refused' || endpoints === 'unavailable') {
      const refused = endpoints === 'refused'
      const why = refused ? 'Keystone refused the token' : 'Keystone did not answer'
      log(
        `${c.req.method} ${url.pathname} -> ${refused ? 401 : 503} (catalog check: ${why}, ${Date.now() - checked} ms)`,
      )
      if (refused) return c.json(KEYSTONE_401, 401)
      const res = gatewayError(
        503,
        'Keystone did not answer the token check in time; try again in a moment.',
        false,
      )
      res.headers.set('Retry-After', '5')
      return res
    }
    const base = endpoints.get(parsed.endpointId)
    if (!base) {
      return gatewayError(404, `Endpoint ${parsed.endpointId} is not in your catalog.`, false)
    }
    const target = upstreamTarget(base, parsed.rest, url.search)
    if (!target) {
      return gatewayError(404, `That path is outside endpoint ${parsed.endpointId}.`, false)
    }
    const pub = `${publicOrigin(c)}/gw/${parsed.endpointId}`
    const rewrite = originSpellings(base).map((o): [string, string] => [o, pub])
    return forward(c, target, false, rewrite)
  })

  return app
}
