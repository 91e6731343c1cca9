import { createRouter } from '@tanstack/react-router'
import type { QueryClient } from '@tanstack/react-query'
import { sessionStore } from './api/session/session-store'
import { routeTree } from './routeTree.gen'
import { NotFound } from './features/shell/not-found'
import { RouteError } from './components/route-error/route-error'
import { PagePending } from './features/shell/page-pending'
import { parseSearch, stringifySearch } from './lib/url-search-json'

/**
 * The router carries the QueryClient in its context so loaders can ensureQueryData, and where
 * the session is read (the `_app` route turns it into `{ session, scope }`).
 */
export function createAppRouter(queryClient: QueryClient, readSession = sessionStore.get) {
  return createRouter({
    routeTree,
    context: { queryClient, readSession },
    defaultPreload: 'intent',
    // Query decides freshness; the router always asks it.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
    defaultPendingComponent: PagePending,
    // The default URLs; values that are not JSON fail to parse without an exception object each.
    parseSearch,
    stringifySearch,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
