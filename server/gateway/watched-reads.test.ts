import { afterAll, describe, expect, it } from 'vitest'
import { createGatewayApp } from './gateway-app'
import { createTestCloud, type JsonBody } from '../testing'
import { ManualClock } from '../engine/clock'

/**
 * Gateway mode in front of the embedded cloud's real Keystone and Trove (in-process, each Trove
 * read made to take 30 ms so overlapping reads would show): the SPA's reads of a watched project
 * and its watcher's reads are one stream at Trove.
 */
// A manual clock (instances stay in BUILD: moving) at today's time (tokens are judged by it).
const upstream = createTestCloud({ clock: new ManualClock(Date.now()) })
afterAll(() => upstream.close())

const UPSTREAM = 'http://upstream.test:5000'
const troveReads: string[] = []
let inFlight = 0
let maxInFlight = 0
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const fetchImpl: typeof fetch = async (input, init) => {
  const url = String(input)
  const isTroveRead = url.includes('/v1.0/') && (init?.method ?? 'GET') === 'GET'
  if (!isTroveRead) return upstream.app.request(url, init)
  troveReads.push(new URL(url).pathname + new URL(url).search)
  maxInFlight = Math.max(maxInFlight, ++inFlight)
  try {
    await sleep(30)
    return await upstream.app.request(url, init)
  } finally {
    inFlight--
  }
}
const gateway = createGatewayApp({ keystoneUrl: `${UPSTREAM}/v3`, fetchImpl })

async function call(method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {}
  if (token) headers['X-Auth-Token'] = token
  const text = body === undefined ? undefined : JSON.stringify(body)
  if (text !== undefined) headers['Content-Type'] = 'application/json'
  const res = await gateway.request(`http://127.0.0.1:4561${path}`, { method, headers, body: text })
  const out = await res.text()
  return { status: res.status, body: (out ? JSON.parse(out) : null) as JsonBody }
}

async function login(user: string) {
  const res = await gateway.request('http://127.0.0.1:4561/v3/auth/tokens', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: user, domain: { id: 'default' }, password: user } },
        },
        scope: { project: { name: user, domain: { id: 'default' } } },
      },
    }),
  })
  const body = (await res.json()) as JsonBody
  const db = (body.token.catalog as JsonBody[]).find((s) => s.type === 'database')
  const url = db.endpoints.find((e: JsonBody) => e.region_id === 'RegionOne').url as string
  return { token: res.headers.get('x-subject-token') ?? '', base: new URL(url).pathname }
}

async function create(s: { token: string; base: string }, name: string): Promise<string> {
  const res = await call('POST', `${s.base}/instances`, s.token, {
    instance: { name, flavorRef: '2', volume: { size: 2 } },
  })
  expect(res.status).toBe(200)
  return res.body.instance.id as string
}

async function until(what: () => Promise<boolean> | boolean, ms = 5000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await what()) return
    await sleep(20)
  }
  throw new Error('condition never held')
}

describe('watched reads (gateway)', () => {
  it('has a cold project’s first viewer join the watcher’s walk: one read per page at Trove, never two in flight', async () => {
    const demo = await login('demo')
    const ids = [await create(demo, 'w1'), await create(demo, 'w2'), await create(demo, 'w3')]
    troveReads.length = 0
    maxInFlight = 0
    // The SPA's first load: the feed (cold: it starts the watcher), its own page walk, a detail.
    const [feed, list, one] = await Promise.all([
      call('GET', '/console-api/v1/feed?region=RegionOne', demo.token),
      call('GET', `${demo.base}/instances/detail?limit=1000`, demo.token),
      call('GET', `${demo.base}/instances/${ids[0] ?? ''}`, demo.token),
    ])
    expect(feed.status, JSON.stringify(feed.body)).toBe(200)
    expect(list.status).toBe(200)
    expect((list.body.instances as JsonBody[]).map((i) => i.id).sort()).toEqual([...ids].sort())
    expect(one.status).toBe(200)
    expect(one.body.instance.id).toBe(ids[0])
    await until(async () => {
      const f = await call('GET', '/console-api/v1/feed?region=RegionOne', demo.token)
      return (f.body.warm as string[]).includes('instances')
    })
    // The SPA's page and the watcher's first page were one read at Trove.
    const pages = troveReads.filter((p) => p.includes('/instances/detail'))
    expect(pages).toHaveLength(1)
    expect(maxInFlight).toBe(1)
  })

  it('answers a read after a write with what Trove says after it, and follows what the write made', async () => {
    const alt = await login('alt')
    await create(alt, 'a1')
    const list = () => call('GET', `${alt.base}/instances/detail?limit=1000`, alt.token)
    expect((await list()).body.instances).toHaveLength(1)
    await until(async () => {
      const f = await call('GET', '/console-api/v1/feed?region=RegionOne', alt.token)
      return (f.body.warm as string[]).includes('instances')
    })
    expect((await list()).body.instances).toHaveLength(1) // shared or read again: the same
    troveReads.length = 0
    const made = await create(alt, 'a2')
    // Not a shared answer from before the create.
    expect(((await list()).body.instances as JsonBody[]).map((i) => i.id)).toContain(made)
    // The watcher reads the row the create named, without a walk of the whole list.
    await until(() => troveReads.some((p) => p.endsWith(`/instances/${made}`)))
    const walks = troveReads.filter((p) => p.includes('/instances/detail') && !p.includes('marker'))
    expect(walks).toHaveLength(1) // the SPA's own read above
    expect(maxInFlight).toBe(1)
  })
})
