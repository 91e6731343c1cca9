import { act, cleanup, render, type RenderResult } from '@testing-library/react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { login } from '@/api/identity/mutations'
import { createQueryClient } from '@/api/query-client'
import { sessionStore } from '@/api/session/session-store'
import { createAppRouter } from '@/router'
import type { CloudOptions } from '../../server/app'
import { ManualClock } from '../../server/engine/clock'
import { createTestCloud, type TestCloud } from '../../server/testing'

/** A request the SPA sent to the cloud: what the page asked for. */
export interface CloudRequest {
  method: string
  /** Path and query, e.g. `/dbaas/RegionOne/v2/dbaas-service-metrics/db1`. */
  path: string
  /** The request body parsed as JSON (undefined without one). */
  body: unknown
}

export interface RouteHarness {
  cloud: TestCloud
  /** Every request the SPA sent since the harness started, in order. */
  requests: CloudRequest[]
  queryClient: QueryClient
  router: ReturnType<typeof createAppRouter>
  view: RenderResult
  /** The path the router shows now (after redirects). */
  pathname(): string
  /** Navigates like a typed URL (the app's own links and redirects still apply). */
  visit(href: string): Promise<void>
  /** Unmounts, restores fetch, signs out and closes the cloud. */
  close(): void
}

function bodyOf(init: RequestInit | undefined): unknown {
  if (typeof init?.body !== 'string' || init.body === '') return undefined
  try {
    return JSON.parse(init.body)
  } catch {
    return init.body
  }
}

/**
 * Routes the SPA's `fetch` to the in-process embedded cloud (`app.fetch`, a real server with its
 * SQLite state, not a mock) and records each request. Keeps the console's session cookie as a
 * browser would (one cookie, set and cleared by the server).
 */
function forwardFetch(cloud: TestCloud, requests: CloudRequest[]): () => void {
  const original = globalThis.fetch
  let cookie: string | undefined
  const forward: typeof fetch = async (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const url = new URL(raw, window.location.origin)
    const headers = new Headers(init?.headers)
    headers.set('Host', url.host)
    if (cookie) headers.set('Cookie', cookie)
    requests.push({
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      body: bodyOf(init),
    })
    const res = await cloud.app.request(url.href, { ...init, headers })
    const set = res.headers.get('set-cookie')
    if (set) {
      const pair = set.split(';')[0] ?? ''
      cookie = /Max-Age=0/i.test(set) || pair.endsWith('=') ? undefined : pair
    }
    return res
  }
  globalThis.fetch = forward
  return () => {
    globalThis.fetch = original
  }
}

export interface RouteOptions {
  /** Keystone user (password = user name, as in the demo cloud); default `demo`. */
  user?: string
  password?: string
  /** Project name; default the user's first project. */
  project?: string
  /** Options of the in-process cloud; by default project demo has 3 ACTIVE instances. */
  cloud?: Partial<CloudOptions>
}

/**
 * Renders the real app (router from src/router.tsx, its route tree, the app's QueryClient) at
 * `href` in memory history, against a fresh in-process cloud, signed in as `user` through the
 * real Keystone login. Call `close()` in afterEach.
 */
export async function renderRoute(href: string, opts: RouteOptions = {}): Promise<RouteHarness> {
  const { user = 'demo', password = user, project } = opts
  const cloud = createTestCloud({
    // The clock starts now: the tokens the cloud issues pass the SPA's own expiry check.
    clock: new ManualClock(Date.now()),
    demoInstances: 3,
    ...opts.cloud,
  })
  const requests: CloudRequest[] = []
  const restoreFetch = forwardFetch(cloud, requests)
  sessionStore.set(await login({ username: user, password, project, domain: 'Default' }))

  const queryClient = createQueryClient()
  const router = createAppRouter(queryClient)
  router.update({ ...router.options, history: createMemoryHistory({ initialEntries: [href] }) })
  await act(() => router.load())
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )

  return {
    cloud,
    requests,
    queryClient,
    router,
    view,
    pathname: () => router.state.location.pathname,
    async visit(next) {
      await act(() => router.navigate({ href: next }))
    },
    close() {
      cleanup()
      queryClient.clear()
      restoreFetch()
      sessionStore.clear()
      cloud.close()
    },
  }
}
