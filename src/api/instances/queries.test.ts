import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { environmentManager, QueryClient, QueryObserver } from '@tanstack/react-query'
import { ManualClock } from '../../../server/engine/clock'
import { createTestCloud, type TestCloud } from '../../../server/testing'
import { apiRequest } from '../client'
import { ApiError } from '../errors'
import { tokenBodySchema } from '../identity/schemas'
import { sessionFromToken, sessionStore } from '../session/session-store'
import type { PollEntries } from '../polling/poll-plan'
import { instanceKeys, type ScopeParams } from './keys'
import {
  backstopMs,
  instancePoller,
  instanceQueryOptions,
  instancesQueryOptions,
  mergeListRow,
  POLL_BASE_MS,
} from './queries'
import { instanceShowSchema, type Instance } from './schemas'

// The real embedded cloud in-process: 2,500 instances at 1,000 a page are three pages.
let cloud: TestCloud
let scope: ScopeParams
const requests: string[] = []

beforeAll(async () => {
  // The cloud's clock at the real time: the SPA checks token expiry against Date.now().
  cloud = createTestCloud({
    demoInstances: 2500,
    pageSizeMax: 1000,
    clock: new ManualClock(Date.now()),
  })
  const { token, body } = await cloud.login('demo', 'demo', 'demo')
  const session = sessionFromToken(tokenBodySchema.parse(body))
  sessionStore.set(session)
  scope = { projectId: session.project.id, region: session.region }
  // The SPA's fetch of a same-origin path, answered by the cloud's own app (and counted).
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${input.split('?')[0]}`)
    // What the console's server does for the session cookie: attach the session's token.
    const headers = new Headers(init?.headers)
    headers.set('X-Auth-Token', token)
    return cloud.app.request(`http://cloud.test:8080${input}`, { ...init, headers })
  })
})

afterAll(() => {
  vi.unstubAllGlobals()
  sessionStore.clear()
  cloud.close()
})

function record(client: QueryClient) {
  const firstPages: number[] = []
  const list: number[] = []
  const firstKey = JSON.stringify(instanceKeys.firstPages(scope))
  const listKey = JSON.stringify(instanceKeys.list(scope))
  client.getQueryCache().subscribe((e) => {
    if (e.type !== 'updated' || e.action.type !== 'success') return
    const data = e.query.state.data as Instance[] | undefined
    const key = JSON.stringify(e.query.queryKey)
    if (key === firstKey) firstPages.push(data?.length ?? -1)
    if (key === listKey) list.push(data?.length ?? -1)
  })
  return { firstPages, list }
}

describe('instancesQueryOptions', () => {
  it('shows a first read page by page, and the list only complete', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const seen = record(client)
    const list = await client.fetchQuery(instancesQueryOptions(scope))
    expect(list).toHaveLength(2500)
    expect(new Set(list.map((i) => i.id)).size).toBe(2500)
    // Cleared at the start, then the rows after the first and the second page.
    expect(seen.firstPages).toEqual([0, 1000, 2000])
    expect(seen.list).toEqual([2500])
  })

  it('replaces the list in one write on a refetch, without partial rows', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    await client.fetchQuery(instancesQueryOptions(scope))
    const seen = record(client)
    await client.refetchQueries({ queryKey: instanceKeys.list(scope) })
    expect(seen.firstPages).toEqual([])
    expect(seen.list).toEqual([2500])
  })
})

describe('the instance poller', () => {
  it('reads a building instance once per interval into list and detail; never the list', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const { data } = await apiRequest({
      service: 'database',
      region: scope.region,
      method: 'POST',
      path: '/instances',
      body: {
        instance: {
          name: 'poll-me',
          flavorRef: '2',
          volume: { size: 1 },
          datastore: { type: 'mysql', version: '5.7' },
        },
      },
      schema: instanceShowSchema,
    })
    const id = data.instance.id
    const list = await client.fetchQuery(instancesQueryOptions(scope))
    expect(list.find((i) => i.id === id)?.status).toBe('BUILD')
    const listReadAt = client.getQueryState(instanceKeys.list(scope))?.dataUpdatedAt
    // A viewer of the list (what makes its rows worth reading).
    const viewer = new QueryObserver(client, instancesQueryOptions(scope))
    const stop = viewer.subscribe(() => undefined)
    const round = async () => {
      requests.length = 0
      await client.query(instancePoller.pollerOptions(client, scope))
      return requests.slice()
    }
    const start = Date.now()
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      // Just read with the list: nothing is due yet.
      vi.setSystemTime(start + 10)
      expect(await round()).toEqual([])
      // One interval later: that one instance, and nothing else.
      vi.setSystemTime(start + POLL_BASE_MS)
      const own = `GET /trove/${scope.region}/v1.0/${scope.projectId}/instances/${id}`
      expect(await round()).toEqual([own])
      // A second round in the same interval reads nothing.
      expect(await round()).toEqual([])

      // The cloud finishes the build; the next read settles it everywhere.
      cloud.advance(60)
      vi.setSystemTime(start + 2 * POLL_BASE_MS)
      expect(await round()).toEqual([own])
      const row = client
        .getQueryData<Instance[]>(instanceKeys.list(scope))
        ?.find((i) => i.id === id)
      expect(row?.status).toBe('ACTIVE')
      expect(client.getQueryData<Instance>(instanceKeys.detail({ ...scope, id }))?.status).toBe(
        'ACTIVE',
      )
      // The list keeps the time of its last full read (the backstop counts from it).
      expect(client.getQueryState(instanceKeys.list(scope))?.dataUpdatedAt).toBe(listReadAt)
      // Settled: nothing more to read, and no round scheduled.
      vi.setSystemTime(start + 10 * POLL_BASE_MS)
      expect(await round()).toEqual([])
      expect(client.getQueryData(instanceKeys.poller(scope))).toEqual({})
    } finally {
      vi.useRealTimers()
      stop()
    }
  })

  it('schedules itself: one read per interval while the instance builds, then stops', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    await client.fetchQuery(instancesQueryOptions(scope))
    const { data } = await apiRequest({
      service: 'database',
      region: scope.region,
      method: 'POST',
      path: '/instances',
      body: {
        instance: {
          name: 'poll-timed',
          flavorRef: '2',
          volume: { size: 1 },
          datastore: { type: 'mysql', version: '5.7' },
        },
      },
      schema: instanceShowSchema,
    })
    const own = `GET /trove/${scope.region}/v1.0/${scope.projectId}/instances/${data.instance.id}`
    vi.useFakeTimers({
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    })
    // Query schedules no timers on a server; this test is the browser.
    environmentManager.setIsServer(() => false)
    const stops: (() => void)[] = []
    try {
      // The detail page (a viewer of the instance) and the shell's poller.
      stops.push(
        new QueryObserver(
          client,
          instanceQueryOptions({ ...scope, id: data.instance.id }),
        ).subscribe(() => undefined),
      )
      stops.push(
        new QueryObserver(client, instancePoller.pollerOptions(client, scope)).subscribe(
          () => undefined,
        ),
      )
      await vi.advanceTimersByTimeAsync(50)
      requests.length = 0
      const perInterval: number[] = []
      for (let n = 0; n < 6; n++) {
        await vi.advanceTimersByTimeAsync(POLL_BASE_MS)
        perInterval.push(requests.filter((r) => r === own).length)
        expect(requests.filter((r) => r !== own)).toEqual([])
        requests.length = 0
      }
      // Exactly one read in each interval while it builds.
      expect(perInterval).toEqual([1, 1, 1, 1, 1, 1])
      cloud.advance(60)
      await vi.advanceTimersByTimeAsync(POLL_BASE_MS)
      expect(requests).toEqual([own])
      expect(
        client.getQueryData<Instance>(instanceKeys.detail({ ...scope, id: data.instance.id }))
          ?.status,
      ).toBe('ACTIVE')
      // Settled: silence.
      requests.length = 0
      await vi.advanceTimersByTimeAsync(10 * POLL_BASE_MS)
      expect(requests).toEqual([])
    } finally {
      for (const stop of stops) stop()
      vi.useRealTimers()
      environmentManager.setIsServer(() => typeof window === 'undefined')
    }
  })

  it('drops an instance that is gone (404) from the list and marks its detail not found', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    await client.fetchQuery(instancesQueryOptions(scope))
    const victim = client.getQueryData<Instance[]>(instanceKeys.list(scope))![0]!
    await client.fetchQuery(instanceQueryOptions({ ...scope, id: victim.id }))
    const viewer = new QueryObserver(client, instanceQueryOptions({ ...scope, id: victim.id }))
    const stop = viewer.subscribe(() => undefined)
    await apiRequest({
      service: 'database',
      region: scope.region,
      method: 'DELETE',
      path: `/instances/${victim.id}`,
    })
    cloud.advance(120)
    // As a delete action writes it: SHUTDOWN, followed from now.
    instancePoller.notePolled(client, scope, [{ ...victim, status: 'SHUTDOWN' }], 0)
    await client.query(instancePoller.pollerOptions(client, scope))
    stop()
    expect(
      client.getQueryData<Instance[]>(instanceKeys.list(scope))?.some((i) => i.id === victim.id),
    ).toBe(false)
    const error = client.getQueryState(instanceKeys.detail({ ...scope, id: victim.id }))?.error
    expect(error instanceof ApiError && error.kind === 'not-found').toBe(true)
    expect(
      client.getQueryData<PollEntries>(instanceKeys.poller(scope))?.[victim.id],
    ).toBeUndefined()
  })
})

describe('list and detail helpers', () => {
  it('keeps the detail-only volume usage when a list row is written over a detail', () => {
    const detail = { id: 'a', status: 'ACTIVE', volume: { size: 2, used: 0.5 } } as Instance
    const row = { id: 'a', status: 'RESIZE', volume: { size: 3 } } as Instance
    expect(mergeListRow(detail, row)).toMatchObject({
      status: 'RESIZE',
      volume: { size: 3, used: 0.5 },
    })
    const fresh = { id: 'a', status: 'ACTIVE', volume: { size: 3, used: 1 } } as Instance
    expect(mergeListRow(detail, fresh).volume).toEqual({ size: 3, used: 1 })
  })

  it('re-reads a shown list a backstop interval after its last full read', () => {
    expect(backstopMs(0, false, 0)).toBe(false)
    expect(backstopMs(1000, true, 1000)).toBe(60_000)
    expect(backstopMs(1000, true, 31_000)).toBe(30_000)
    expect(backstopMs(1000, true, 500_000)).toBe(1000)
  })
})
