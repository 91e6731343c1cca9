import type { MiddlewareHandler } from 'hono'
import { isIP } from 'node:net'

/** Who may tell the server its public name and the client's address. */
export interface ProxyOptions {
  /**
   * The console's public URL (`--public-url`, e.g. `https://console.example.com`): catalogs,
   * links and `Location` headers point here. Omitted (tests): the request URL's origin.
   */
  publicUrl?: string
  /**
   * Reverse proxies (`--trust-proxy`): exact addresses, IPv4 CIDRs (`10.0.0.0/8`) or `loopback`.
   * Only a request whose peer is one of them may set the origin through `X-Forwarded-Proto`,
   * `X-Forwarded-Host` / `Host`, and the client's address through `X-Forwarded-For`.
   */
  trustProxy?: readonly string[]
}

interface Seen {
  origin: string
  client: string
}
/** Keyed on Hono's request object (middleware such as the body limit may replace `raw`). */
const seen = new WeakMap<object, Seen>()

/** The origin links and catalogs use for this request (set by `publicOriginGuard`). */
export function publicOriginOf(req: object): string | undefined {
  return seen.get(req)?.origin
}

/** The client's address (the peer, or what a trusted proxy says), `unknown` off a socket. */
export function clientAddressOf(req: object): string {
  return seen.get(req)?.client ?? 'unknown'
}

function ipv4ToInt(ip: string): number | null {
  const parts = ip.split('.')
  if (parts.length !== 4) return null
  let n = 0
  for (const p of parts) {
    const v = Number(p)
    if (!/^\d{1,3}$/.test(p) || v > 255) return null
    n = n * 256 + v
  }
  return n
}

const unmapped = (ip: string) =>
  ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip

/** Whether `address` matches one entry of a `--trust-proxy` list. */
export function isTrusted(address: string, list: readonly string[]): boolean {
  const ip = unmapped(address)
  for (const entry of list) {
    if (entry === 'loopback') {
      if (ip === '::1' || ip.startsWith('127.')) return true
      continue
    }
    const slash = entry.indexOf('/')
    if (slash < 0) {
      if (unmapped(entry) === ip) return true
      continue
    }
    const base = ipv4ToInt(entry.slice(0, slash))
    const bits = Number(entry.slice(slash + 1))
    const n = ipv4ToInt(ip)
    if (base === null || n === null || !(bits >= 0 && bits <= 32)) continue
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0
    if ((base & mask) >>> 0 === (n & mask) >>> 0) return true
  }
  return false
}

/** Checks a `--trust-proxy` entry; returns a message when it is not an address, CIDR or `loopback`. */
export function trustEntryError(entry: string): string | null {
  if (entry === 'loopback' || isIP(entry) !== 0) return null
  const [base, bits, extra] = entry.split('/')
  if (
    extra === undefined &&
    base &&
    isIP(base) === 4 &&
    /^\d{1,2}$/.test(bits ?? '') &&
    Number(bits) <= 32
  )
    return null
  return `"${entry}" is not an IP address, an IPv4 CIDR or "loopback"`
}

/** The socket peer of a request served by @hono/node-server (absent under `app.request`). */
function peerAddress(env: unknown): string | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } }).incoming
  return incoming?.socket?.remoteAddress
}

const first = (v: string | undefined) => v?.split(',')[0]?.trim() || undefined
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

/**
 * Decides, once per request, which origin its links use and which client sent it. `Host` and
 * `X-Forwarded-*` count only from a trusted proxy; otherwise the configured public URL is used,
 * whatever the request says.
 */
export function publicOriginGuard(opts: ProxyOptions): MiddlewareHandler {
  const trust = opts.trustProxy ?? []
  return async (c, next) => {
    const peer = peerAddress(c.env)
    let origin = opts.publicUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin
    let client = peer ?? 'unknown'
    if (peer !== undefined && trust.length > 0 && isTrusted(peer, trust)) {
      const proto = first(c.req.header('x-forwarded-proto'))
      const host = first(c.req.header('x-forwarded-host')) ?? c.req.header('host')
      if (host && HOST.test(host)) {
        const scheme =
          proto === 'https' || proto === 'http' ? proto : new URL(origin).protocol.slice(0, -1)
        origin = `${scheme}://${host}`
      }
      // The rightmost address that is not one of our proxies is the client.
      const chain = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => isIP(s) !== 0)
      for (let i = chain.length - 1; i >= 0; i--) {
        client = chain[i]!
        if (!isTrusted(client, trust)) break
      }
    }
    seen.set(c.req, { origin, client })
    await next()
  }
}
