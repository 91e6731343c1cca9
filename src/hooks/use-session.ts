import { useSyncExternalStore } from 'react'
import { useRouteContext } from '@tanstack/react-router'
import type { Scope } from '@/api/session/scope'
import { sessionStore, type Session } from '@/api/session/session-store'

/** The signed-in session (or null), re-rendering when it changes (sign-in, region, expiry). */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get)
}

/**
 * The session inside the authenticated shell (`/_app` guarantees one). Throws if called
 * outside it, which is a programming error.
 */
export function useRequiredSession(): Session {
  const session = useSession()
  if (!session) throw new Error('useRequiredSession() used outside the signed-in shell')
  return session
}

/**
 * What every query key of a project resource starts with: the project and the region, as the
 * `_app` route put them into router context from the URL. Switching either one changes the
 * URL and so the keys: pages refetch instead of showing another scope's cached data.
 */
export function useScope(): Scope {
  return useRouteContext({ from: '/_app', select: (c) => c.scope })
}
