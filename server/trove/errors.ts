import { TROVE_FAULT_NAMES, type TroveFaultStatus } from '../../src/api/common/schemas'

/** An error answered in Trove's fault envelope: `{"<faultName>": {"code", "message"}}`. */
export class TroveFault extends Error {
  constructor(
    readonly status: TroveFaultStatus,
    message: string,
  ) {
    super(message)
  }
  body() {
    return { [TROVE_FAULT_NAMES[this.status]]: { code: this.status, message: this.message } }
  }
}

/** An error raised by Trove's WSGI middleware (before the controller): webob's JSON body. */
export class WebobError extends Error {
  constructor(
    readonly status: 400 | 403 | 415,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail)
  }
  body() {
    const explanation: Record<number, string> = {
      400: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
      403: 'Access was denied to this resource.',
      415: 'The request media type is not supported by this server.',
    }
    const head = this.status === 400 ? '' : (explanation[this.status] ?? '')
    return {
      message: `${head}${head && this.detail ? '<br /><br />\n' : ''}${this.detail}`,
      code: `${this.status} ${this.title}`,
      title: this.title,
    }
  }
}

export const badRequest = (message: string) => new TroveFault(400, message)
export const notFound = (uuid: string) => new TroveFault(404, `Resource ${uuid} cannot be found.`)
export const routeNotFound = () => new TroveFault(404, 'The resource could not be found.')
export const overLimit = (message: string) => new TroveFault(413, message)
export const unprocessable = (message: string) => new TroveFault(422, message)
export const forbidden = (message: string) => new TroveFault(403, message)
export const unauthorizedFault = (message: string) => new TroveFault(401, message)

/** Malformed JSON, as webob/Trove's middleware answers it. */
export const malformedBody = () =>
  new WebobError(400, 'Bad Request', 'Malformed request body<br /><br />\n\n\n')

/** URL tenant differs from the token's project (AuthorizationMiddleware). */
export const tenantMismatch = (tokenProject: string) =>
  new WebobError(
    403,
    'Forbidden',
    `User with tenant id ${tokenProject} cannot access this resource.\n\n`,
  )

export function quotaExceeded(overs: string[]): TroveFault {
  return overLimit(`Quota exceeded for resources: [${overs.map((o) => `'${o}'`).join(', ')}].`)
}

export function notAvailable(id: string, reason: string): TroveFault {
  return unprocessable(
    `Instance ${id} is not currently available for an action to be performed (${reason}).`,
  )
}
