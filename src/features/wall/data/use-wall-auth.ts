import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { ApiError, describeError } from '@/api/errors'
import { useSession } from '@/hooks/use-session'
import { renewalDelayMs, retryDelayMs } from '../lib/renewal'
import { authFromSession, authenticateWithCredential, type WallAuth } from './wall-auth'
import { wallCredentialStore, type WallCredential } from './wall-credential'

export type WallAuthState =
  /** Nothing to sign in with: the setup screen shows. */
  | { status: 'none' }
  | { status: 'authenticating'; error?: string }
  | { status: 'ready'; auth: WallAuth; renewalError?: string }
  /** Keystone refused the credential (401): it was deleted, expired or mistyped. */
  | { status: 'rejected'; message: string; auth: WallAuth | undefined }
  /** The console sign-in the wall ran on has expired: it cannot renew it without a password. */
  | { status: 'session-ended'; auth: WallAuth }

type CredentialState = { credId: string } & (
  | { status: 'authenticating'; error?: string }
  | { status: 'ready'; auth: WallAuth; renewalError?: string }
  | { status: 'rejected'; message: string; auth: WallAuth | undefined }
)

export function useWallCredential(): WallCredential | null {
  return useSyncExternalStore(
    wallCredentialStore.subscribe,
    wallCredentialStore.get,
    wallCredentialStore.get,
  )
}

/**
 * The wall's sign-in. With an application credential it gets its own token and renews it at
 * 80 % of its lifetime, for weeks, with nobody at the keyboard. Without one it borrows the
 * console's session until that expires.
 *
 * Why one timer here rather than a TanStack Query refetchInterval: the renewal deadline is an
 * absolute moment fixed by the token just received (and, after failures, a backoff bounded by the
 * token's expiry), not a period. refetchInterval is a setInterval that re-arms whenever the query
 * updates, so "at 80 % of this token's life, then retry before it dies" would be approximated,
 * and Query would also refetch on focus or remount, minting tokens nobody asked for. One
 * setTimeout, re-armed after each attempt and cleared on unmount, says exactly that. The data
 * itself is polled by Query (use-wall-snapshot.ts).
 */
export function useWallAuth(now: number): { state: WallAuthState; renewNow: () => void } {
  const credential = useWallCredential()
  const session = useSession()
  const [cred, setCred] = useState<CredentialState | null>(null)
  const renewRef = useRef<() => void>(() => undefined)

  useEffect(() => {
    if (!credential) return
    const credId = credential.id
    let timer: number | undefined
    let cancelled = false
    let inFlight = false
    let failures = 0
    let last: WallAuth | undefined

    const schedule = (ms: number) => {
      window.clearTimeout(timer)
      timer = window.setTimeout(() => void attempt(), ms)
    }
    const attempt = async () => {
      if (inFlight) return
      inFlight = true
      window.clearTimeout(timer)
      try {
        const auth = await authenticateWithCredential(credential)
        if (cancelled) return
        failures = 0
        last = auth
        setCred({ credId, status: 'ready', auth })
        schedule(renewalDelayMs(auth.times, Date.now()))
      } catch (e) {
        if (cancelled) return
        if (e instanceof ApiError && e.status === 401) {
          // No retry: a refused credential stays refused until someone sets up the wall again.
          setCred({ credId, status: 'rejected', message: e.message, auth: last })
          return
        }
        failures++
        const error = describeError(e)
        setCred(
          last
            ? { credId, status: 'ready', auth: last, renewalError: error }
            : { credId, status: 'authenticating', error },
        )
        schedule(last ? renewalDelayMs(last.times, Date.now(), failures) : retryDelayMs(failures))
      } finally {
        inFlight = false
      }
    }
    renewRef.current = () => void attempt()
    void attempt()
    return () => {
      cancelled = true
      window.clearTimeout(timer)
      renewRef.current = () => undefined
    }
  }, [credential])

  const sessionAuth = useMemo(() => (session ? authFromSession(session) : undefined), [session])
  const renewNow = useCallback(() => renewRef.current(), [])

  let state: WallAuthState
  if (credential) {
    state = cred && cred.credId === credential.id ? stripCredId(cred) : { status: 'authenticating' }
  } else if (session && sessionAuth) {
    const ended = session.expired || sessionAuth.times.expiresAt <= now
    state = ended
      ? { status: 'session-ended', auth: sessionAuth }
      : { status: 'ready', auth: sessionAuth }
  } else {
    state = { status: 'none' }
  }
  return { state, renewNow }
}

function stripCredId(s: CredentialState): WallAuthState {
  switch (s.status) {
    case 'ready':
      return s.renewalError
        ? { status: 'ready', auth: s.auth, renewalError: s.renewalError }
        : { status: 'ready', auth: s.auth }
    case 'rejected':
      return { status: 'rejected', message: s.message, auth: s.auth }
    case 'authenticating':
      return s.error ? { status: 'authenticating', error: s.error } : { status: 'authenticating' }
  }
}
