import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { ManualClock } from '../../../server/engine/clock'
import { createTestCloud, type TestCloud } from '../../../server/testing'
import { tokenBodySchema } from '../identity/schemas'
import { sessionFromToken, sessionStore } from '../session/session-store'
import type { ScopeParams } from './keys'
import { waitUntilGone } from './wait-gone'

// The real embedded cloud in-process; its task clock moves only when the wait sleeps.
let cloud: TestCloud
let scope: ScopeParams
let base: string
let token: string

beforeAll(async () => {
  cloud = createTestCloud({ clock: new ManualClock(Date.now()) })
  const login = await cloud.login('demo', 'demo', 'demo')
  token = login.token
  const session = sessionFromToken(tokenBodySchema.parse(login.body))
  sessionStore.set(session)
  scope = { projectId: session.project.id, region: session.region }
  base = cloud.troveBase(scope.projectId, scope.region)
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    headers.set('X-Auth-Token', token)
    return cloud.app.request(`http://cloud.test:8080${input}`, { ...init, headers })
  })
})

afterAll(async () => {
  vi.unstubAllGlobals()
  sessionStore.clear()
  await cloud.close()
})

async function activeInstance(name: string): Promise<{ id: string; name: string }> {
  const made = await cloud.json('POST', `${base}/instances`, {
    token,
    body: { instance: { name, flavorRef: '2', volume: { size: 1 } } },
  })
  expect(made.status).toBe(200)
  cloud.advance(600)
  return { id: made.body.instance.id as string, name }
}

/** The wait's sleep moves the cloud's clock (its delete task comes due). */
const sleepOnCloud = (ms: number) => {
  cloud.advance(ms / 1000)
  return Promise.resolve()
}

describe('waitUntilGone: a bulk delete waits for replicas before their source', () => {
  it('resolves once the cloud answers 404 for each one', async () => {
    const a = await activeInstance('gone-a')
    const b = await activeInstance('gone-b')
    for (const i of [a, b])
      expect((await cloud.json('DELETE', `${base}/instances/${i.id}`, { token })).status).toBe(202)
    // Deleting: still listed (SHUTDOWN) until the cloud's task removes it.
    expect((await cloud.json('GET', `${base}/instances/${a.id}`, { token })).status).toBe(200)
    const t0 = cloud.clock.now()
    await waitUntilGone(scope, [a, b], { everyMs: 2000, sleep: sleepOnCloud })
    expect(cloud.clock.now()).toBeGreaterThan(t0)
    expect((await cloud.json('GET', `${base}/instances/${a.id}`, { token })).status).toBe(404)
  })

  it('gives up after its time with a message that says what to do', async () => {
    const kept = await activeInstance('kept')
    let now = 0
    await expect(
      waitUntilGone(scope, [kept], {
        everyMs: 1000,
        timeoutMs: 3000,
        now: () => now,
        sleep: (ms) => {
          now += ms
          return Promise.resolve()
        },
      }),
    ).rejects.toThrow('kept is still being deleted; delete the source again once it is gone.')
  })
})
