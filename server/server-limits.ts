import type { Server, ServerOptions } from 'node:http'
import { Server as NetServer } from 'node:net'

/** How long a client may take and how many sockets it may hold (README's configuration table). */
export interface ServerLimits {
  /** Open connections at most; more are closed at once (`--max-connections`). */
  maxConnections: number
  /** Seconds a client has to send its request headers (`--headers-timeout`): slow-header clients. */
  headersTimeoutSeconds: number
  /** Seconds a client has to send a whole request, body included (`--request-timeout`). */
  requestTimeoutSeconds: number
  /**
   * Idle seconds before a kept-alive socket is closed (`--keep-alive-timeout`): longer than
   * clients and proxies keep theirs, so none reuses a socket the server just closed.
   */
  keepAliveTimeoutSeconds: number
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxConnections: 1024,
  headersTimeoutSeconds: 10,
  requestTimeoutSeconds: 30,
  keepAliveTimeoutSeconds: 65,
}

/**
 * Options for `http.createServer` (`serve({ serverOptions })`): the timeouts, checked every
 * second (Node checks every 30 s by default, so a 10 s header timeout could hold a socket 40 s).
 */
export function serverOptionsFor(limits: ServerLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutSeconds * 1000,
    requestTimeout: Math.max(limits.requestTimeoutSeconds, limits.headersTimeoutSeconds) * 1000,
    keepAliveTimeout: limits.keepAliveTimeoutSeconds * 1000,
    connectionsCheckingInterval: 1000,
  }
}

/** Sets the connection cap (and the timeouts again, for servers made without serverOptionsFor). */
export function applyServerLimits(server: unknown, limits: ServerLimits): void {
  if (!(server instanceof NetServer)) return
  server.maxConnections = limits.maxConnections
  const http = server as Server
  http.headersTimeout = limits.headersTimeoutSeconds * 1000
  http.requestTimeout = Math.max(limits.requestTimeoutSeconds, limits.headersTimeoutSeconds) * 1000
  http.keepAliveTimeout = limits.keepAliveTimeoutSeconds * 1000
}
