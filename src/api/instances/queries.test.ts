import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { ManualClock } from '../../../server/engine/clock'
import { createTestCloud, type TestCloud } from '../../../server/testing'
import { tokenBodySchema } from '../identity/schemas'
import { sessionFromToken, sessionStore } from '../session/session-store'
import { instanceKeys, type ScopeParams } from './keys'
import { instancesQueryOptions } from './queries'
import type { Instance } from './schemas'

// The real embedded cloud in-process: 2,500 instances at 1,000 a page are three pages.
let cloud: TestCloud
let scope: ScopeParams

beforeAll(async () => {
  // The cloud's clock at the real time: the SPA checks token expiry against Date.now().
  cloud = createTestCloud({
    demoInstances: 2500,
    pageSizeMax: 1000,
    clock: new ManualClock(Date.now()),
  })
  const { token, body } = await cloud.login('demo', 'demo', 'demo')
  const session = sessionFromToken(token, tokenBodySchema.parse(body))
  sessionStore.set(session)
  scope = { projectId: session.project.id, region: session.region }
  // The SPA's fetch of a same-origin path, answered by the cloud's own app.
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) =>
    cloud.app.request(`http://cloud.test:8080${input}`, init),
  )
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
