import { lazy, Suspense, useEffect, useState } from 'react'
import { createFileRoute, redirect, retainSearchParams } from '@tanstack/react-router'
import {
  enterScope,
  SCOPE_SEARCH_KEYS,
  scopeOf,
  scopeSearchSchema,
  type Scope,
} from '@/api/session/scope'
import { AppShell } from '@/features/shell/app-shell'
import { useSession } from '@/hooks/use-session'
import { preloadLater, startPreloads } from '@/lib/preload-later'

// The re-login dialog (its form library and the dialog primitives) loads when a session first
// expires, not with the first page.
const loadReloginDialog = () => import('@/features/auth/relogin-dialog')
preloadLater(loadReloginDialog)
const ReloginDialog = lazy(() => loadReloginDialog().then((m) => ({ default: m.ReloginDialog })))

/**
 * The signed-in shell. No session: to /login (the link, region and project included, is kept).
 * An expired one stays: the re-login dialog opens. The URL carries the scope (`region`,
 * `projectId`): a URL without it gets the session's (replace); a URL with another one moves the
 * session there, or shows why it cannot. Loaders and pages read `{ session, scope }` from here.
 */
export const Route = createFileRoute('/_app')({
  validateSearch: scopeSearchSchema,
  search: { middlewares: [retainSearchParams([...SCOPE_SEARCH_KEYS])] },
  beforeLoad: async ({
    location,
    search,
    context: { queryClient, session },
    buildLocation,
    preload,
  }) => {
    if (!session) {
      throw redirect({ to: '/login', search: { redirect: location.href }, replace: true })
    }
    if (search.region === undefined || search.projectId === undefined) {
      const next = buildLocation({
        to: location.pathname,
        search: {
          ...location.search,
          region: search.region ?? session.region,
          projectId: search.projectId ?? session.project.id,
        },
        hash: location.hash,
      })
      throw redirect({ href: next.href, replace: true })
    }
    const wanted: Scope = { region: search.region, projectId: search.projectId }
    // A preload (hover) never moves the session; the navigation itself does.
    const current = preload ? session : await enterScope(queryClient, session, wanted)
    return { session: current, scope: preload ? wanted : scopeOf(current) }
  },
  component: AppLayout,
})

function AppLayout() {
  // After the first page has painted, when the browser is idle: the dialogs, menus and toaster
  // that a later outage must not take away (src/lib/preload-later.ts).
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(startPreloads)
      else startPreloads()
    }, PRELOAD_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [])
  return <AppShell dialogs={<SessionExpiredDialog />} />
}

/** How long after the shell first shows before the deferred modules load. */
const PRELOAD_AFTER_MS = 2000

/** Mounts the re-login dialog once the session has expired, and keeps it mounted after. */
function SessionExpiredDialog() {
  const expired = !!useSession()?.expired
  const [needed, setNeeded] = useState(expired)
  if (expired && !needed) setNeeded(true)
  return needed ? (
    <Suspense fallback={null}>
      <ReloginDialog />
    </Suspense>
  ) : null
}
