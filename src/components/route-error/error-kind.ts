import { ApiError } from '@/api/errors'
import { ScopeError } from '@/api/session/scope'
import { isChunkLoadError } from '@/lib/chunk-load'

/**
 * What a failed page load was, for the one error view:
 * - `outage`: the cloud could not be reached (network, or a gateway answering 502/503/504), or
 *   a part of the console itself (a route chunk) could not be loaded from the server
 * - `refusal`: the cloud answered and said no (forbidden, admin required, or refused with a message)
 * - `fault`: the cloud failed while answering (a 500 of its own): not the user's doing
 * - `missing`: the resource is not there (404) in this project and region
 * - `scope`: the link names a project or region this user cannot open
 * - `session`: the token expired (the re-login dialog is open)
 * - `unknown`: a bug or an answer the console does not understand
 */
export type LoadFailure =
  'outage' | 'refusal' | 'fault' | 'missing' | 'scope' | 'session' | 'unknown'

export function classifyLoadError(error: unknown): LoadFailure {
  if (error instanceof ScopeError) return 'scope'
  if (isChunkLoadError(error)) return 'outage'
  if (!(error instanceof ApiError)) return 'unknown'
  switch (error.kind) {
    case 'network':
      return 'outage'
    case 'server':
      return error.status === 502 || error.status === 503 || error.status === 504
        ? 'outage'
        : 'fault'
    case 'not-found':
      return 'missing'
    case 'session-expired':
      return 'session'
    case 'invalid-response':
      return 'unknown'
    default:
      return 'refusal'
  }
}

/** The headline of a refusal, by what the cloud said. */
export function refusalTitle(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.kind === 'admin-required') return 'This needs an administrator'
    if (error.kind === 'forbidden') return 'You do not have access to this'
    if (error.kind === 'not-implemented') return 'This cloud does not offer this'
  }
  return 'The cloud refused to load this page'
}

/** What to do about a refusal: only a missing role is fixed by an administrator or another project. */
export function refusalAdvice(error: unknown): string {
  if (error instanceof ApiError && (error.kind === 'forbidden' || error.kind === 'admin-required'))
    return 'Ask a cloud administrator, or switch to a project where you have the role.'
  return "Nothing was changed. The cloud's message above says why."
}
