import { useEffect, useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import { ApiError } from '@/api/errors'
import { pollDelayMs } from '../lib/renewal'
import { fetchWallSnapshot, type WallSnapshot } from './fetch-snapshot'
import type { WallAuth } from './wall-auth'

export const wallKeys = {
  all: ['wall'] as const,
  snapshot: (identity: string) => [...wallKeys.all, 'snapshot', identity] as const,
}

/**
 * The wall's data, polled every `refreshMs` (backing off while it fails, see pollDelayMs). On a
 * failure Query keeps the last snapshot: the wall shows it as stale until an answer comes. The
 * key follows the wall's identity, not its token, so renewals do not refetch.
 */
export function useWallSnapshot(
  auth: WallAuth | undefined,
  /** False once the token is refused or ended: the last picture stays, polling stops. */
  enabled: boolean,
  refreshMs: number,
  onDenied: () => void,
) {
  const authRef = useRef(auth)
  const deniedRef = useRef(onDenied)
  const failures = useRef(0)
  useEffect(() => {
    authRef.current = auth
    deniedRef.current = onDenied
  }, [auth, onDenied])

  // The key is the wall's identity on purpose: a renewed token (auth, authRef) or a failure
  // count must not start a new query. The queryFn reads both through refs.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return useQuery<WallSnapshot>({
    queryKey: wallKeys.snapshot(auth?.identity ?? 'none'),
    enabled: enabled && auth !== undefined,
    queryFn: async ({ signal, client, queryKey }) => {
      const current = authRef.current ?? auth
      if (!current) throw new Error('The wall is not signed in.')
      try {
        const prev = client.getQueryData<WallSnapshot>(queryKey)
        const snapshot = await fetchWallSnapshot(current, prev, signal)
        failures.current = 0
        return snapshot
      } catch (e) {
        failures.current++
        if (e instanceof ApiError && e.kind === 'session-expired') deniedRef.current()
        throw e
      }
    },
    refetchInterval: () => pollDelayMs(refreshMs, failures.current),
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    refetchOnReconnect: true,
    retry: false,
    staleTime: 0,
    gcTime: Infinity,
    // Deep-comparing 10,000 items on every refresh costs more than re-rendering the one screen
    // of tiles that is in the DOM.
    structuralSharing: false,
    meta: { silent: true },
  })
}
