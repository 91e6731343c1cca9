import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'

/** An error of the DBaaS management API: `{"message": "..."}` with its status. */
export class DbaasError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message)
  }
  body(): { message: string } {
    return { message: this.message }
  }
}

export const badRequest = (message: string) => new DbaasError(400, message)
export const forbidden = (message: string) => new DbaasError(403, message)
export const notFound = (message: string) => new DbaasError(404, message)
export const conflict = (message: string) => new DbaasError(409, message)
export const serviceNotFound = (name: string) => notFound(`Service ${name} not found`)

/** A 400 naming the first problems zod found, by field (`limit: Too big: ...`). */
export function invalidBody(error: z.core.$ZodError): DbaasError {
  const parts = error.issues.slice(0, 3).map((i) => {
    const field = i.path.map(String).join('.')
    if (i.code === 'unrecognized_keys') return `Unknown field(s): ${i.keys.join(', ')}`
    return field ? `${field}: ${i.message}` : i.message
  })
  return badRequest(`Invalid request body. ${parts.join('; ')}`)
}
