import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { toast } from '@/lib/toast'
import { isUnreachable, refetchOnRecovery } from './connectivity'
import { ApiError, describeError } from './errors'

/**
 * Reads are retried only when trying again can help: while the cloud cannot be reached, for as
 * long as that lasts (with backoff, see retryDelay; the connection banner says so); other 5xx
 * answers three times.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (isUnreachable(error)) return true
  if (failureCount >= 3) return false
  return error instanceof ApiError && error.kind === 'server'
}

/** 1 s, 2 s, 4 s, then every 8 s. */
export function retryDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 8000)
}

/** Errors the console handles elsewhere and must not toast: the re-login dialog owns these. */
export function isHandledGlobally(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'session-expired'
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** Do not toast when a background refetch of this query fails. */
      silent?: boolean
    }
    mutationMeta: {
      /** Do not toast when this mutation fails (the caller shows the error itself). */
      silent?: boolean
    }
  }
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        if (isHandledGlobally(error) || query.meta?.silent) return
        // The connection banner says the cloud cannot be reached; no toast per query.
        if (isUnreachable(error)) return
        // A page shows its own load errors; only say something when a refetch fails while
        // the page still shows older data (otherwise the failure would be invisible).
        if (query.state.data !== undefined) {
          toast.error(`Could not refresh: ${describeError(error)}`, {
            id: `refetch-${query.queryHash}`,
          })
        }
      },
    }),
    mutationCache: new MutationCache({
      onError(error, _variables, _context, mutation) {
        if (isHandledGlobally(error) || mutation.meta?.silent) return
        // Mutations with their own onError report their errors themselves.
        if (mutation.options.onError) return
        toast.error(describeError(error))
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: shouldRetryQuery,
        retryDelay,
        refetchOnWindowFocus: true,
      },
      // A change is sent once, when the user asks: never retried, never paused while offline
      // and replayed later (Query's default network mode would do that).
      mutations: { retry: false, networkMode: 'always' },
    },
  })
  refetchOnRecovery(client)
  return client
}
