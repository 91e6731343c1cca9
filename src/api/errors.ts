import {
  keystoneErrorBodySchema,
  troveFaultBodySchema,
  webobErrorBodySchema,
} from './common/schemas'

/**
 * Every failed API call becomes an ApiError. `kind` says what the console should do about it:
 * - `session-expired`: the token is no longer accepted (opens the re-login dialog)
 * - `admin-required`: Trove's 401 "User does not have admin privileges." (not a session problem)
 * - `not-found`, `bad-request`, `unprocessable`, `over-limit`, `forbidden`, `conflict`,
 *   `not-implemented`, `server`: as the HTTP status says
 * - `network`: the cloud could not be reached
 * - `invalid-response`: the cloud answered something this console does not understand
 */
export type ApiErrorKind =
  | 'session-expired'
  | 'admin-required'
  | 'bad-request'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'over-limit'
  | 'unprocessable'
  | 'not-implemented'
  | 'server'
  | 'network'
  | 'invalid-response'

export class ApiError extends Error {
  readonly status: number
  readonly kind: ApiErrorKind
  /** The fault name the cloud used (badRequest, itemNotFound, ...), when it sent one. */
  readonly fault: string | undefined
  readonly retryAfter: number | undefined

  constructor(opts: {
    status: number
    kind: ApiErrorKind
    message: string
    fault?: string | undefined
    retryAfter?: number | undefined
  }) {
    super(opts.message)
    this.name = 'ApiError'
    this.status = opts.status
    this.kind = opts.kind
    this.fault = opts.fault
    this.retryAfter = opts.retryAfter
  }
}

export const ADMIN_REQUIRED_MESSAGE = 'User does not have admin privileges.'

function kindForStatus(status: number): ApiErrorKind {
  switch (status) {
    case 400:
      return 'bad-request'
    case 401:
      return 'session-expired'
    case 403:
      return 'forbidden'
    case 404:
      return 'not-found'
    case 409:
      return 'conflict'
    case 413:
      return 'over-limit'
    case 422:
      return 'unprocessable'
    case 501:
      return 'not-implemented'
    default:
      return status >= 500 ? 'server' : 'bad-request'
  }
}

/** Strips webob's HTML line breaks from middleware messages. */
function cleanMessage(message: string): string {
  return message
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Turns a non-2xx response body (already parsed as JSON, or null) into an ApiError. */
export function errorFromBody(status: number, body: unknown, statusText = ''): ApiError {
  const keystone = keystoneErrorBodySchema.safeParse(body)
  if (keystone.success) {
    return new ApiError({
      status,
      kind: kindForStatus(status),
      message: keystone.data.error.message,
      fault: keystone.data.error.title,
    })
  }
  const webob = webobErrorBodySchema.safeParse(body)
  if (webob.success) {
    return new ApiError({
      status,
      kind: kindForStatus(status),
      message: cleanMessage(webob.data.message),
      fault: webob.data.title,
    })
  }
  const trove = troveFaultBodySchema.safeParse(body)
  if (trove.success) {
    const [fault, detail] = Object.entries(trove.data)[0] ?? []
    if (fault && detail) {
      const message = cleanMessage(detail.message)
      const adminRequired = status === 401 && message === ADMIN_REQUIRED_MESSAGE
      return new ApiError({
        status,
        kind: adminRequired ? 'admin-required' : kindForStatus(status),
        message: detail.details ? `${message} ${detail.details}` : message,
        fault,
        retryAfter: detail.retryAfter ? Number(detail.retryAfter) : undefined,
      })
    }
  }
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    // The DBaaS management API's `{"message": ...}` error body.
    return new ApiError({ status, kind: kindForStatus(status), message: body.message })
  }
  return new ApiError({
    status,
    kind: kindForStatus(status),
    message: `The cloud answered ${status}${statusText ? ` ${statusText}` : ''}.`,
  })
}

/** A message a person can act on, for any error a query or mutation may throw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case 'network':
        return `${error.message} Check your connection: the console retries reads by itself but sends a change again only when you ask.`
      case 'admin-required':
        return 'This needs an administrator: the cloud refused it because your role is not admin.'
      case 'invalid-response':
        return `The cloud sent a response this console does not understand: ${error.message}`
      default:
        return error.message
    }
  }
  if (error instanceof Error) return error.message
  return 'Something went wrong.'
}
