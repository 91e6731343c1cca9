import type { QueryClient } from '@tanstack/react-query'
import { ApiError } from './errors'

/**
 * Whether the cloud answers at all, as the requests the console makes see it: a request that
 * could not reach it (or that the gateway answered 502/504 because the cloud behind it did not
 * answer) marks it unreachable; the next answer of any kind marks it reachable again. The shell's
 * connection banner shows it; the query layer retries reads with backoff meanwhile and refreshes
 * what failed as soon as the cloud answers (mutations are never repeated by themselves).
 */
export interface Connectivity {
  reachable: boolean
  /** When the first request of the current outage failed (ms since the epoch). */
  since: number | undefined
  /** When a request last got an answer (ms since the epoch), if one ever did. */
  lastAnswerAt: number | undefined
  /** Outages seen so far in this tab (a recovery is worth announcing only after one). */
  outages: number
}

/** Gateway answers that mean "the cloud behind me did not answer" (bad gateway, timeout). */
const GATEWAY_UNREACHABLE = new Set([502, 504])

/** True for errors that say the cloud could not be reached (not that it refused something). */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  return error.kind === 'network' || isUnreachableStatus(error.status)
}

/** True when an HTTP answer still means the cloud was not reached (a gateway's 502/504). */
export function isUnreachableStatus(status: number): boolean {
  return GATEWAY_UNREACHABLE.has(status)
}

type Listener = () => void
const listeners = new Set<Listener>()
const INITIAL: Connectivity = {
  reachable: true,
  since: undefined,
  lastAnswerAt: undefined,
  outages: 0,
}
let state = INITIAL

function set(next: Connectivity) {
  state = next
  for (const l of listeners) l()
}

export const connectivity = {
  get: (): Connectivity => state,
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  /** A request could not reach the cloud. */
  reportUnreachable(now = Date.now()): void {
    if (!state.reachable) return
    set({ ...state, reachable: false, since: now, outages: state.outages + 1 })
  },
  /** A request got an answer (whatever its status). */
  reportAnswer(now = Date.now()): void {
    if (state.reachable) {
      // No re-render for every answer: only the outage transitions are news.
      state = { ...state, lastAnswerAt: now }
      return
    }
    set({ ...state, reachable: true, since: undefined, lastAnswerAt: now })
  },
  /** Back to the initial state (tests). */
  reset(): void {
    set(INITIAL)
  },
}

/**
 * When the cloud answers again after an outage, refresh at once the active queries that failed
 * or are waiting for their next retry (instead of after their backoff delay, up to 8 s).
 * Returns the unsubscribe function.
 */
export function refetchOnRecovery(client: QueryClient): () => void {
  let wasReachable = connectivity.get().reachable
  return connectivity.subscribe(() => {
    const { reachable } = connectivity.get()
    const recovered = reachable && !wasReachable
    wasReachable = reachable
    if (!recovered) return
    // After the answer that brought the cloud back has settled its own query (which then no
    // longer counts failures), so that one is not cancelled and asked again.
    setTimeout(() => {
      void client.refetchQueries({
        type: 'active',
        predicate: (q) => q.state.status === 'error' || q.state.fetchFailureCount > 0,
      })
    }, 0)
  })
}
