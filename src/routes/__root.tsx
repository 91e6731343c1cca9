import { createRootRouteWithContext, Outlet } from '@tanstack/react-router'
import type { QueryClient } from '@tanstack/react-query'
import type { Session } from '@/api/session/session-store'
import { Toaster } from '@/components/ui/sonner'
import { NotFound } from '@/features/shell/not-found'
import { DocumentTitle } from '@/features/shell/document-title'
import { RouteError } from '@/components/route-error/route-error'

export interface RouterContext {
  queryClient: QueryClient
  /** Where the signed-in session is read (the session store; a test may pass its own). */
  readSession: () => Session | null
}

export const Route = createRootRouteWithContext<RouterContext>()({
  // Read once per navigation: every route below finds it in its context.
  beforeLoad: ({ context }) => ({ session: context.readSession() }),
  head: () => ({ meta: [{ title: 'DBaaS Console' }] }),
  component: RootLayout,
  errorComponent: RouteError,
  notFoundComponent: NotFound,
})

function RootLayout() {
  return (
    <>
      <DocumentTitle />
      <Outlet />
      <Toaster />
    </>
  )
}
