import * as z from 'zod/mini'
import './common/zod-messages'
import { parseJsonExact } from './common/exact-json'
import { connectivity, isUnreachableStatus } from './connectivity'
import { ApiError, errorFromBody } from './errors'
import { CONSOLE_REQUEST_HEADER } from './session/schemas'
import { endpointFor, sessionStore, type Session } from './session/session-store'

/** Which API a request is for: Keystone (same origin `/v3`), or a catalog service type. */
export type Service = 'identity' | 'database' | 'dbaas' | 'network'

export interface RequestOptions<S extends z.core.$ZodType | undefined> {
  service: Service
  path: string
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** A body already serialized as JSON (numbers that must keep their text, e.g. `2.0`). */
  bodyText?: string
  /** Integers longer than 15 digits arrive as their decimal text (parameter bounds up to 2^64-1). */
  exactIntegers?: boolean
  /** Parses the 2xx body; without one the body is ignored (202/204 answers). */
  schema?: S
  signal?: AbortSignal
  /** Defaults to the session's region. */
  region?: string
  /** Absolute same-origin path, bypassing the catalog (pagination `next` links). */
  url?: string
  /** Needs no session (login, sign-out, the wall's own credential sign-in). */
  anonymous?: boolean
  /**
   * Send this Keystone token as `X-Auth-Token` instead of relying on the console's session
   * cookie (the status wall signed in with its own application credential).
   */
  token?: string | undefined
  /** Extra request headers (Keystone's X-Subject-Token on token validation and revocation). */
  headers?: Record<string, string>
}

export interface ApiResponse<T> {
  data: T
  headers: Headers
  status: number
}

function origin(): string | undefined {
  return typeof window === 'undefined' ? undefined : window.location.origin
}

/** Base URL of a service for the session's region, or an ApiError saying what is missing. */
export function serviceBase(session: Session, service: Service, region?: string): string {
  if (service === 'identity') return '/v3'
  const r = region ?? session.region
  const base = endpointFor(session.catalog, service, r, origin())
  if (!base) {
    throw new ApiError({
      status: 0,
      kind: 'not-implemented',
      message: `This cloud's catalog has no "${service}" service in region ${r || '(none)'}.`,
    })
  }
  return base
}

/** Makes a link the cloud sent (https hard-coded by Trove, foreign host) usable from this origin. */
export function followableLink(href: string): string {
  try {
    const u = new URL(href)
    return u.pathname + u.search
  } catch {
    return href
  }
}

function summarizeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ')
}

/**
 * A response body checked against its schema; a body that does not match is an `invalid-response`
 * ApiError naming the request (`what`, e.g. "GET /url") and the first issues.
 */
export function parseBody<S extends z.core.$ZodType>(
  schema: S,
  body: unknown,
  what: string,
  status: number,
): z.infer<S> {
  const parsed = z.safeParse(schema, body)
  if (parsed.success) return parsed.data
  throw new ApiError({
    status,
    kind: 'invalid-response',
    message: `${what}: ${summarizeIssues(parsed.error)}`,
  })
}

/**
 * The one way the console talks to the cloud: JSON, typed errors, zod-parsed bodies. The
 * console's server attaches the Keystone token from the HttpOnly session cookie (page scripts
 * never see it); every request says it comes from the console (`X-Console-Request`), which the
 * server requires of state-changing cookie requests (CSRF defence).
 */
export async function apiRequest<S extends z.core.$ZodType | undefined = undefined>(
  opts: RequestOptions<S>,
): Promise<ApiResponse<S extends z.core.$ZodType ? z.infer<S> : undefined>> {
  const session = sessionStore.get()
  const headers: Record<string, string> = {
    ...opts.headers,
    Accept: 'application/json',
    [CONSOLE_REQUEST_HEADER]: '1',
  }
  if (opts.token) headers['X-Auth-Token'] = opts.token
  else if (!opts.anonymous) {
    if (!session) {
      throw new ApiError({
        status: 401,
        kind: 'session-expired',
        message: 'You are not signed in.',
      })
    }
    // Once the cloud refused the session, send nothing more with it until the user signs in again.
    if (session.expired) {
      throw new ApiError({
        status: 401,
        kind: 'session-expired',
        message: 'Your session has expired. Sign in again to continue.',
      })
    }
    if (Date.parse(session.expiresAt) <= Date.now()) {
      sessionStore.markExpired()
      throw new ApiError({
        status: 401,
        kind: 'session-expired',
        message: 'Your session has expired. Sign in again to continue.',
      })
    }
  }
  let url: string
  if (opts.url) url = followableLink(opts.url)
  else if (opts.service === 'identity') url = `/v3${opts.path}`
  else {
    if (!session)
      throw new ApiError({
        status: 401,
        kind: 'session-expired',
        message: 'You are not signed in.',
      })
    url = `${serviceBase(session, opts.service, opts.region)}${opts.path}`
  }
  let body: string | undefined
  if (opts.bodyText !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = opts.bodyText
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }

  let res: Response
  try {
    res = await fetch(url, {
      method: opts.method ?? 'GET',
      headers,
      body,
      signal: opts.signal,
      credentials: 'same-origin',
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    connectivity.reportUnreachable()
    throw new ApiError({ status: 0, kind: 'network', message: 'The cloud could not be reached.' })
  }
  if (isUnreachableStatus(res.status)) connectivity.reportUnreachable()
  else connectivity.reportAnswer()

  const text = await res.text()
  let json: unknown = null
  if (text) {
    try {
      json = opts.exactIntegers ? parseJsonExact(text) : JSON.parse(text)
    } catch {
      json = text
    }
  }

  if (!res.ok) {
    const error = errorFromBody(res.status, json, res.statusText)
    if (error.kind === 'session-expired' && !opts.anonymous && !opts.token)
      sessionStore.markExpired()
    throw error
  }

  if (!opts.schema) {
    return { data: undefined as never, headers: res.headers, status: res.status }
  }
  const data: unknown = parseBody(opts.schema, json, `${opts.method ?? 'GET'} ${url}`, res.status)
  return { data: data as never, headers: res.headers, status: res.status }
}
