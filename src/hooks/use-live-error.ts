import { ApiError } from '@/api/errors'
import { useSession } from './use-session'

/**
 * A refusal as a form should still show it: "your session has expired" is stale once the user
 * signed in again (the re-login dialog replaced the token), so it reads as no error at all.
 * Every other error is returned as it is.
 *
 *   const shown = useLiveError(serverError)
 *   {shown ? <Alert …>{describeError(shown)}</Alert> : null}
 */
export function useLiveError(error: unknown): unknown {
  const session = useSession()
  return isStaleSessionError(error, session ? { expired: session.expired } : null) ? null : error
}

/** True for a session-expired refusal while a session that is not expired is in place. */
export function isStaleSessionError(error: unknown, session: { expired: boolean } | null): boolean {
  return (
    error instanceof ApiError && error.kind === 'session-expired' && !!session && !session.expired
  )
}
