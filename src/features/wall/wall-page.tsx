import { useEffect, useMemo } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useNow } from '@/hooks/use-now'
import { ApiError } from '@/api/errors'
import { useWallAuth } from './data/use-wall-auth'
import { useWallSnapshot } from './data/use-wall-snapshot'
import { FEED_KEEPALIVE_MS } from './data/wall-feed'
import { filtersFromSearch, parseScreen } from './lib/wall-search'
import { WallBoard } from './components/wall-board'
import { WallSetup } from './components/wall-setup'
import { RejectedBanner, SessionEndedBanner, WarningLine } from './components/wall-banners'

const route = getRouteApi('/wall')

/** Large type that grows with the screen: the same layout reads from across a room at 4K. */
function useWallScale(active: boolean) {
  useEffect(() => {
    if (!active) return
    const html = document.documentElement
    const before = { fontSize: html.style.fontSize, scheme: html.style.colorScheme }
    html.style.fontSize = 'clamp(13px, 0.9vw, 48px)'
    html.style.colorScheme = 'dark'
    return () => {
      html.style.fontSize = before.fontSize
      html.style.colorScheme = before.scheme
    }
  }, [active])
}

/**
 * /wall: a read-only, full-screen status wall. One clock (useNow, 1 s) drives every age, the
 * stale banner and page turns; Query polls the data; the wall's own sign-in renews its token.
 */
export function WallPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const now = useNow(1000)
  const { state, renewNow } = useWallAuth(now)
  const filters = useMemo(() => filtersFromSearch(search), [search])
  const screen = useMemo(() => parseScreen(search.screen), [search.screen])

  const auth = 'auth' in state ? state.auth : undefined
  // The change feed makes a refresh cheap; the watcher behind it needs a read every 20 s at least.
  const refreshMs = Math.min(search.refresh * 1000, FEED_KEEPALIVE_MS)
  const query = useWallSnapshot(auth, state.status === 'ready', refreshMs, renewNow)
  const showSetup = search.setup || state.status === 'none'
  useWallScale(!showSetup)

  if (showSetup) {
    return (
      <WallSetup
        now={now}
        onDone={() =>
          void navigate({ search: (prev) => ({ ...prev, setup: false }), replace: true })
        }
      />
    )
  }

  const setupHref = '/wall?setup=true'
  const sessionDenied =
    auth?.mode === 'session' &&
    query.error instanceof ApiError &&
    query.error.kind === 'session-expired'
  let authBanner: React.ReactNode = null
  if (state.status === 'rejected') {
    authBanner = <RejectedBanner message={state.message} setupHref={setupHref} />
  } else if (state.status === 'session-ended' || sessionDenied) {
    authBanner = <SessionEndedBanner setupHref={setupHref} loginHref="/login?redirect=%2Fwall" />
  } else if (state.status === 'ready' && state.renewalError) {
    authBanner = (
      <WarningLine testId="wall-renewal-failed">
        Could not renew the wall&apos;s token ({state.renewalError}). Retrying before it expires.
      </WarningLine>
    )
  } else if (state.status === 'authenticating' && state.error) {
    authBanner = (
      <WarningLine testId="wall-signin-failed">
        Could not sign in yet ({state.error}). Retrying by itself.
      </WarningLine>
    )
  }

  // Stale: the last refresh failed (or a refresh is overdue) while an older picture is shown.
  const stale =
    query.data !== undefined && (query.isError || query.errorUpdatedAt > query.dataUpdatedAt)

  return (
    <div
      className="min-h-dvh bg-slate-950 text-slate-50"
      data-testid="wall"
      data-auth={state.status}
    >
      <WallBoard
        auth={auth}
        snapshot={query.data}
        updatedAt={query.dataUpdatedAt}
        error={query.error}
        stale={stale && !sessionDenied}
        filters={filters}
        group={search.group}
        pageMs={search.page * 1000}
        refreshMs={refreshMs}
        screen={screen}
        now={now}
        authBanner={authBanner}
      />
    </div>
  )
}
