import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { tokenBodySchema } from '../../src/api/identity/schemas'
import { createCloud, type Cloud } from '../app'
import { ManualClock } from '../engine/clock'
import { createGatewayApp } from '../gateway/gateway-app'
import { createTestCloud, type TestCloud } from '../testing'
import { SESSION_COOKIE } from './session-cookie'

const ORIGIN = 'http://cloud.test:8080'
const CONSOLE = { 'X-Console-Request': '1' }

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  // Last registered first: a cloud closes (and its journal thread exits) before its folder goes.
  for (const f of cleanup.splice(0).reverse()) await f()
})

function passwordAuth(name: string, password: string, project?: string) {
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name, domain: { name: 'Default' }, password } },
      },
      scope: project ? { project: { name: project, domain: { id: 'default' } } } : 'unscoped',
    },
  }
}

interface Answer {
  status: number
  body: unknown
  headers: Headers
  text: string
}

async function call(
  app: Hono,
  method: string,
  path: string,
  o: { cookie?: string; headers?: Record<string, string>; body?: unknown; origin?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { Host: 'cloud.test:8080', ...o.headers }
  if (o.cookie) headers.Cookie = `${SESSION_COOKIE}=${o.cookie}`
  let body: string | undefined
  if (o.body !== undefined) {
    body = JSON.stringify(o.body)
    headers['Content-Type'] ??= 'application/json'
  }
  const res = await app.request(`${o.origin ?? ORIGIN}${path}`, { method, headers, body })
  const text = await res.text()
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = text
  }
  return { status: res.status, body: parsed, headers: res.headers, text }
}

/** The session id the answer's Set-Cookie carries (undefined when it sets none). */
function cookieOf(res: Answer): string | undefined {
  const set = res.headers.get('set-cookie') ?? ''
  return new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(set)?.[1]
}

async function signIn(
  app: Hono,
  user = 'demo',
  password = 'demo',
  project: string | undefined = 'demo',
) {
  const res = await call(app, 'POST', '/console-api/v1/session', {
    headers: CONSOLE,
    body: passwordAuth(user, password, project),
  })
  expect(res.status).toBe(201)
  const cookie = cookieOf(res)
  expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/)
  return { cookie: cookie ?? '', body: tokenBodySchema.parse(res.body), res }
}

function testCloud(): TestCloud {
  const t = createTestCloud()
  cleanup.push(() => t.close())
  return t
}

describe('console session cookie', () => {
  it('signs in with an HttpOnly SameSite=Strict cookie and never hands out the token', async () => {
    const t = testCloud()
    const { res, body } = await signIn(t.app)
    const set = res.headers.get('set-cookie') ?? ''
    expect(set).toMatch(/HttpOnly/)
    expect(set).toMatch(/SameSite=Strict/)
    expect(set).toMatch(/Path=\//)
    expect(set).not.toMatch(/Secure/)
    // 3600 s tokens: the cookie lasts as long as the token.
    expect(set).toMatch(/Max-Age=3600/)
    expect(res.headers.get('x-subject-token')).toBeNull()
    expect(body.token.project?.name).toBe('demo')
    expect(body.token.catalog?.some((e) => e.type === 'database')).toBe(true)
    // The token is in no part of the answer.
    const direct = await t.login('demo', 'demo', 'demo')
    expect(res.text).not.toContain(direct.token)
  })

  it('signs in from a browser that accepts compressed answers (the inner Keystone answer is read plain)', async () => {
    const t = testCloud()
    const res = await call(t.app, 'POST', '/console-api/v1/session', {
      headers: { ...CONSOLE, 'Accept-Encoding': 'gzip, deflate, br' },
      body: passwordAuth('demo', 'demo', 'demo'),
    })
    expect(res.status).toBe(201)
    expect(cookieOf(res)).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('marks the cookie Secure over TLS (and when configured)', async () => {
    const t = testCloud()
    const res = await call(t.app, 'POST', '/console-api/v1/session', {
      headers: CONSOLE,
      body: passwordAuth('demo', 'demo', 'demo'),
      origin: 'https://cloud.test',
    })
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/)
    const forced = createTestCloud({ secureCookie: true })
    cleanup.push(() => forced.close())
    const { res: res2 } = await signIn(forced.app)
    expect(res2.headers.get('set-cookie')).toMatch(/; Secure/)
  })

  it('attaches the token to cookie requests: Trove, Keystone and the session read', async () => {
    const t = testCloud()
    const { cookie, body } = await signIn(t.app)
    const projectId = body.token.project?.id ?? ''
    const list = await call(t.app, 'GET', `${t.troveBase(projectId)}/instances`, { cookie })
    expect(list.status).toBe(200)
    expect(list.body).toHaveProperty('instances')
    const projects = await call(t.app, 'GET', '/v3/auth/projects', { cookie })
    expect(projects.status).toBe(200)
    const me = await call(t.app, 'GET', '/console-api/v1/session', { cookie })
    expect(me.status).toBe(200)
    expect(tokenBodySchema.parse(me.body).token.user.name).toBe('demo')
    // Without a cookie (or with an unknown one) the cloud answers 401 as for no token.
    expect((await call(t.app, 'GET', `${t.troveBase(projectId)}/instances`)).status).toBe(401)
    const forged = 'A'.repeat(43)
    expect(
      (await call(t.app, 'GET', `${t.troveBase(projectId)}/instances`, { cookie: forged })).status,
    ).toBe(401)
    expect((await call(t.app, 'GET', '/console-api/v1/session', { cookie: forged })).status).toBe(
      401,
    )
  })

  it('refuses state-changing cookie requests without the console header (CSRF) and changes nothing', async () => {
    const t = testCloud()
    const { cookie, body } = await signIn(t.app)
    const base = t.troveBase(body.token.project?.id ?? '')
    const create = {
      instance: {
        name: 'csrf-probe',
        flavorRef: '2',
        volume: { size: 1 },
        datastore: { type: 'mysql', version: '5.7' },
      },
    }
    const refused = await call(t.app, 'POST', `${base}/instances`, { cookie, body: create })
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual({
      forbidden: { code: 403, message: expect.stringContaining('X-Console-Request') },
    })
    const listed = await call(t.app, 'GET', `${base}/instances`, { cookie })
    expect(JSON.stringify(listed.body)).not.toContain('csrf-probe')
    // Keystone paths answer in Keystone's envelope, DBaaS in its own.
    const ks = await call(t.app, 'DELETE', '/v3/auth/tokens', { cookie })
    expect(ks.status).toBe(403)
    expect(ks.body).toMatchObject({ error: { code: 403, title: 'Forbidden' } })
    const dbaas = await call(t.app, 'POST', '/dbaas/v2/dbaas-service', { cookie, body: {} })
    expect(dbaas.status).toBe(403)
    expect(dbaas.body).toEqual({ message: expect.stringContaining('X-Console-Request') })
    // Sign-in and sign-out need the header even without a cookie.
    const login = await call(t.app, 'POST', '/console-api/v1/session', {
      body: passwordAuth('demo', 'demo', 'demo'),
    })
    expect(login.status).toBe(403)
    expect(cookieOf(login)).toBeUndefined()
    expect((await call(t.app, 'DELETE', '/console-api/v1/session', { cookie })).status).toBe(403)
    expect((await call(t.app, 'GET', '/console-api/v1/session', { cookie })).status).toBe(200)
    // With the header, the same create goes through.
    const ok = await call(t.app, 'POST', `${base}/instances`, {
      cookie,
      headers: CONSOLE,
      body: create,
    })
    expect(ok.status).toBe(200)
  })

  it('keeps the X-Auth-Token path unchanged (CLI, curl): no header needed, cookie ignored', async () => {
    const t = testCloud()
    const alt = await signIn(t.app, 'alt', 'alt', 'alt')
    const demo = await t.login('demo', 'demo', 'demo')
    const res = await call(t.app, 'GET', `${t.troveBase(demo.projectId)}/instances`, {
      cookie: alt.cookie,
      headers: { 'X-Auth-Token': demo.token },
    })
    expect(res.status).toBe(200)
    const post = await t.json('POST', `${t.troveBase(demo.projectId)}/instances`, {
      token: demo.token,
      body: {
        instance: {
          name: 'cli-made',
          flavorRef: '2',
          volume: { size: 1 },
          datastore: { type: 'mysql', version: '5.7' },
        },
      },
    })
    expect(post.status).toBe(200)
  })

  it('answers bad sign-in bodies with 400/415 and wrong passwords as Keystone does, setting no cookie', async () => {
    const t = testCloud()
    const wrong = await call(t.app, 'POST', '/console-api/v1/session', {
      headers: CONSOLE,
      body: passwordAuth('demo', 'nope', 'demo'),
    })
    expect(wrong.status).toBe(401)
    expect(wrong.body).toMatchObject({ error: { code: 401 } })
    expect(cookieOf(wrong)).toBeUndefined()
    const notAuth = await call(t.app, 'POST', '/console-api/v1/session', {
      headers: CONSOLE,
      body: [1],
    })
    expect(notAuth.status).toBe(400)
    const text = await call(t.app, 'POST', '/console-api/v1/session', {
      headers: { ...CONSOLE, 'Content-Type': 'text/plain' },
      body: passwordAuth('demo', 'demo', 'demo'),
    })
    expect(text.status).toBe(415)
    expect(cookieOf(text)).toBeUndefined()
  })

  it('re-scopes to another project and revokes the old token', async () => {
    const t = testCloud()
    const admin = await signIn(t.app, 'demo', 'demo', 'demo')
    const projects = await call(t.app, 'GET', '/v3/auth/projects', { cookie: admin.cookie })
    const demo = (projects.body as { projects: { id: string; name: string }[] }).projects.find(
      (p) => p.name === 'demo-staging',
    )
    expect(demo).toBeDefined()
    // The old token, as the store holds it.
    const before = await call(t.app, 'GET', '/console-api/v1/session', { cookie: admin.cookie })
    expect(before.status).toBe(200)
    const oldToken = t.store
      .prepare('SELECT id FROM tokens')
      .all()
      .map((r) => (r as { id: string }).id)
    const switched = await call(t.app, 'POST', '/console-api/v1/session/scope', {
      cookie: admin.cookie,
      headers: CONSOLE,
      body: { project: { id: demo?.id } },
    })
    expect(switched.status).toBe(201)
    expect(tokenBodySchema.parse(switched.body).token.project?.name).toBe('demo-staging')
    const next = cookieOf(switched)
    // Same session id, now standing for the new token.
    expect(next).toBe(admin.cookie)
    const me = await call(t.app, 'GET', '/console-api/v1/session', { cookie: next })
    expect(tokenBodySchema.parse(me.body).token.project?.name).toBe('demo-staging')
    const list = await call(t.app, 'GET', `${t.troveBase(demo?.id ?? '')}/instances`, {
      cookie: next,
    })
    expect(list.status).toBe(200)
    // Every token that existed before the switch is refused now (checked by an admin).
    const checker = await t.login('admin', 'secret', 'admin')
    for (const token of oldToken) {
      const check = await t.json('GET', '/v3/auth/tokens', {
        token: checker.token,
        headers: { 'X-Subject-Token': token },
      })
      expect(check.status).toBe(404)
    }
    // Bad scope bodies: 400, session unchanged.
    const bad = await call(t.app, 'POST', '/console-api/v1/session/scope', {
      cookie: next,
      headers: CONSOLE,
      body: { project: 'demo' },
    })
    expect(bad.status).toBe(400)
    expect((await call(t.app, 'GET', '/console-api/v1/session', { cookie: next })).status).toBe(200)
  })

  it('signs out: revokes the token, forgets the session, clears the cookie', async () => {
    const t = testCloud()
    const { cookie } = await signIn(t.app)
    const tokens = t.store.prepare('SELECT id FROM tokens').all() as { id: string }[]
    expect(tokens).toHaveLength(1)
    const token = tokens[0]?.id ?? ''
    const out = await call(t.app, 'DELETE', '/console-api/v1/session', { cookie, headers: CONSOLE })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`))
    expect((await call(t.app, 'GET', '/console-api/v1/session', { cookie })).status).toBe(401)
    const checker = await t.login('admin', 'secret', 'admin')
    const check = await t.json('GET', '/v3/auth/tokens', {
      token: checker.token,
      headers: { 'X-Subject-Token': token },
    })
    expect(check.status).toBe(404)
  })

  it('survives a server restart in the console state store, and keeps no usable id in its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sessions-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const clock = new ManualClock()
    const open = (): Cloud => createCloud({ dbPath: join(dir, 'dbaas.db'), clock, autoTick: false })
    let cloud = open()
    const { cookie, body } = await signIn(cloud.app)
    await cloud.close()
    const file = readFileSync(join(dir, 'dbaas.console-state.db')).toString('latin1')
    expect(file).not.toContain(cookie)
    cloud = open()
    cleanup.push(() => cloud.close())
    const res = await call(
      cloud.app,
      'GET',
      `/trove/RegionOne/v1.0/${body.token.project?.id}/instances`,
      {
        cookie,
      },
    )
    expect(res.status).toBe(200)
  })

  it('expires with its token', async () => {
    const t = testCloud()
    const { cookie } = await signIn(t.app)
    t.advance(3601)
    expect((await call(t.app, 'GET', '/console-api/v1/session', { cookie })).status).toBe(401)
  })

  it('works the same through the gateway (real Keystone stand-in: the embedded cloud)', async () => {
    // The gateway reads the real clock: the upstream cloud's tokens must be issued now.
    const upstream = createTestCloud({ clock: new ManualClock(Date.now()) })
    cleanup.push(() => upstream.close())
    const gw = createGatewayApp({
      keystoneUrl: 'http://cloud.test:8080/v3',
      fetchImpl: (input, init) => Promise.resolve(upstream.app.request(input, init)),
    })
    const { cookie, body } = await signIn(gw)
    const database = body.token.catalog?.find((e) => e.type === 'database')
    const url = new URL(database?.endpoints.find((e) => e.interface === 'public')?.url ?? '')
    expect(url.pathname).toMatch(/^\/gw\//)
    const list = await call(gw, 'GET', `${url.pathname}/instances`, { cookie })
    expect(list.status).toBe(200)
    expect(list.body).toHaveProperty('instances')
    const refused = await call(gw, 'POST', `${url.pathname}/instances`, { cookie, body: {} })
    expect(refused.status).toBe(403)
    const out = await call(gw, 'DELETE', '/console-api/v1/session', { cookie, headers: CONSOLE })
    expect(out.status).toBe(204)
    expect((await call(gw, 'GET', `${url.pathname}/instances`, { cookie })).status).toBe(401)
  })
})
