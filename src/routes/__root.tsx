import { createRootRouteWithContext, HeadContent, Outlet } from '@tanstack/react-router'
import type { QueryClient } from '@tanstack/react-query'
import { Toaster } from '@/components/ui/sonner'
import { TooltipProvider } from '@/components/ui/tooltip'
import { NotFound } from '@/features/shell/not-found'
import { RouteError } from '@/components/route-error/route-error'

export interface RouterContext {
  queryClient: QueryClient
}

export const Route = createRootRouteWithContext<RouterContext>()({
  head: () => ({ meta: [{ title: 'DBaaS Console' }] }),
  component: RootLayout,
  errorComponent: RouteError,
  notFoundComponent: NotFound,
})

function RootLayout() {
  return (
    <TooltipProvider>
      {/* React 19 hoists the route-managed <title> into <head>. */}
      <HeadContent />
      <Outlet />
      <Toaster />
    </TooltipProvider>
  )
}
