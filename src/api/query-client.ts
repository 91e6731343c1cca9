import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { toast } from 'sonner'
import { ApiError, describeError } from './errors'

/** Reads are retried only when trying again can help: network failures and 5xx answers. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3) return false
  if (error instanceof ApiError) return error.kind === 'network' || error.kind === 'server'
  return false
}

/** 1 s, 2 s, 4 s (capped at 8 s). */
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
  return new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        if (isHandledGlobally(error) || query.meta?.silent) return
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
      mutations: { retry: false },
    },
  })
}
