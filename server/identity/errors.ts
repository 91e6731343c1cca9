/** A Keystone error: `{"error": {"code", "message", "title"}}`. */
export class KeystoneError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429 | 500,
    readonly title: string,
    message: string,
  ) {
    super(message)
  }
  body() {
    return { error: { code: this.status, message: this.message, title: this.title } }
  }
}

export const unauthorized = () =>
  new KeystoneError(401, 'Unauthorized', 'The request you have made requires authentication.')

export const badRequest = (message: string) => new KeystoneError(400, 'Bad Request', message)

export const notFound = (message: string) => new KeystoneError(404, 'Not Found', message)

export const forbidden = (message: string) => new KeystoneError(403, 'Forbidden', message)

export const conflict = (message: string) => new KeystoneError(409, 'Conflict', message)

/** A login refused by the throttle (identity/login-throttle.ts); the route adds `Retry-After`. */
export class LoginLockedOut extends KeystoneError {
  constructor(readonly retryAfter: number) {
    super(
      429,
      'Too Many Requests',
      `Too many failed logins. Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
    )
  }
}
