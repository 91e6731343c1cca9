import { afterEach, describe, expect, it } from 'vitest'
import { journalPageSchema } from '@/api/journal/schemas'
import { tokenBodySchema } from '@/api/identity/schemas'
import { createGatewayApp } from '../gateway/gateway-app'
import { createTestCloud, type TestCloud } from '../testing'
import { ManualClock } from '../engine/clock'
import { gatewayJournal } from './gateway-journal'

/**
 * Gateway mode in-process: the gateway forwards to a real embedded cloud (its Hono app stands in
 * for the network), and journals what passes through.
 */
let upstream: TestCloud
afterEach(() => upstream?.close())

const ORIGIN = 'http://cloud.test:8080'

function setup() {
  // The gateway checks token expiry on the real clock: the upstream issues tokens in real time.
  upstream = createTestCloud({ clock: new ManualClock(Date.now()) })
  const upstreamCalls: string[] = []
  const fetchImpl: typeof fetch = async (input, init) => {
    upstreamCalls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`)
    return upstream.app.request(String(input), init)
  }
  const journal = gatewayJournal({ keystoneUrl: `${ORIGIN}/v3`, fetchImpl })
  const app = createGatewayApp({ keystoneUrl: `${ORIGIN}/v3`, fetchImpl, journal })
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const headers: Record<string, string> = { Host: 'console.test' }
    if (token) headers['X-Auth-Token'] = token
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const res = await app.request(`http://console.test${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as unknown) : null,
    }
  }
  const login = async (user: string, password: string, project: string) => {
    const res = await call('POST', '/v3/auth/tokens', undefined, {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: user, domain: { id: 'default' }, password } },
        },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    })
    const body = tokenBodySchema.parse(res.body)
    const trove = body.token.catalog
      ?.find((e) => e.type === 'database')
      ?.endpoints.find((e) => e.interface === 'public' && (e.region_id ?? e.region) === 'RegionOne')
    return {
      token: res.headers.get('x-subject-token') ?? '',
      trove: new URL(trove?.url ?? '').pathname,
    }
  }
  return { call, login, upstreamCalls }
}

describe('journal in gateway mode', () => {
  it('records forwarded changes with the actor learned at sign-in, and the region from the catalog', async () => {
    const g = setup()
    const demo = await g.login('demo', 'demo', 'demo')
    const created = await g.call('POST', `${demo.trove}/instances`, demo.token, {
      instance: {
        name: 'via-gw',
        flavorRef: '2',
        volume: { size: 1 },
        users: [{ name: 'u', password: 'gw-Secret-9' }],
      },
    })
    expect(created.status).toBe(200)
    const page = journalPageSchema.parse(
      (await g.call('GET', '/console-api/v1/journal', demo.token)).body,
    )
    expect(page.coverage.mode).toBe('gateway')
    expect(page.coverage.note).toMatch(/while nobody watched/)
    expect(
      page.entries.map((e) => [
        e.userName,
        e.projectName,
        e.region,
        e.resourceKind,
        e.action,
        e.status,
      ]),
    ).toEqual([['demo', 'demo', 'RegionOne', 'instance', 'create', 200]])
    expect(JSON.stringify(page.entries)).not.toContain('gw-Secret-9')
    // Learned at sign-in: no validation round trip to Keystone for this token.
    expect(g.upstreamCalls.filter((c) => c === 'GET /v3/auth/tokens')).toEqual([])
  })

  it('validates an unknown token once with Keystone, then caches it; other projects are refused', async () => {
    const g = setup()
    const alt = await upstream.login('alt', 'alt', 'alt') // signed in elsewhere: the gateway never saw it
    const demo = await g.login('demo', 'demo', 'demo')
    for (let i = 0; i < 2; i++) {
      const res = await g.call('GET', '/console-api/v1/journal', alt.token)
      expect(res.status).toBe(200)
    }
    expect(g.upstreamCalls.filter((c) => c === 'GET /v3/auth/tokens')).toHaveLength(1)
    const refused = await g.call(
      'GET',
      `/console-api/v1/journal?project=${alt.projectId}`,
      demo.token,
    )
    expect(refused.status).toBe(403)
    expect((await g.call('GET', '/console-api/v1/journal', 'not-a-token')).status).toBe(401)
  })

  it('takes transitions from the watcher (recordTransition) and works out how long a status lasted', async () => {
    upstream = createTestCloud()
    const journal = gatewayJournal({ keystoneUrl: `${ORIGIN}/v3` })
    const base = {
      source: 'watcher' as const,
      region: 'RegionOne',
      projectId: 'p1',
      resourceKind: 'backup' as const,
      resourceId: 'b1',
    }
    journal.recordTransition({ ...base, at: 1000, from: null, to: 'NEW' })
    journal.recordTransition({ ...base, at: 4000, from: 'NEW', to: 'COMPLETED' })
    const rows = await journal.journal.list({ limit: 10 })
    expect(rows.map((r) => [r.fromStatus, r.toStatus, r.previousMs, r.source])).toEqual([
      ['NEW', 'COMPLETED', 3000, 'watcher'],
      [null, 'NEW', null, 'watcher'],
    ])
    await journal.close()
  })
})
