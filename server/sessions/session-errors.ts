import { TROVE_FAULT_NAMES } from '../../src/api/common/schemas'

const TITLES = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  415: 'Unsupported Media Type',
} as const
type Status = keyof typeof TITLES

/**
 * An error in the envelope of the API that owns `path`: Trove's fault under `/trove` and `/gw`,
 * DBaaS `{"message"}` under `/dbaas`, Keystone's `{"error"}` elsewhere (`/v3` and the console's
 * session API, which the SPA reads as Keystone answers).
 */
export function sessionErrorResponse(path: string, status: Status, message: string): Response {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`)
  let body: unknown
  if (under('/dbaas')) body = { message }
  else if (under('/trove') || under('/gw'))
    body = { [TROVE_FAULT_NAMES[status]]: { code: status, message } }
  else body = { error: { code: status, title: TITLES[status], message } }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}
