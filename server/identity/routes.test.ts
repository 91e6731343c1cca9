import { afterEach, describe, expect, it } from 'vitest'
import { tokenBodySchema } from '../../src/api/identity/schemas'
import { createTestCloud, type TestCloud } from '../testing'
import { hashPassword } from './passwords'

let t: TestCloud
afterEach(() => t?.close())

const passwordAuth = (name: string, password: string, scope?: unknown) => ({
  auth: {
    identity: {
      methods: ['password'],
      password: { user: { name, domain: { name: 'Default' }, password } },
    },
    ...(scope ? { scope } : {}),
  },
})

describe('POST /v3/auth/tokens', () => {
  it('issues a project-scoped token with roles and a catalog for every region', async () => {
    t = createTestCloud()
    const res = await t.json('POST', '/v3/auth/tokens', {
      body: passwordAuth('demo', 'demo', { project: { name: 'demo', domain: { id: 'default' } } }),
    })
    expect(res.status).toBe(201)
    const token = res.headers.get('x-subject-token')
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/)
    const body = tokenBodySchema.parse(res.body).token
    expect(body.methods).toEqual(['password'])
    expect(body.user).toMatchObject({
      name: 'demo',
      domain: { id: 'default', name: 'Default' },
      password_expires_at: null,
    })
    expect(body.project?.name).toBe('demo')
    expect(body.roles?.map((r) => r.name)).toEqual(['member'])
    expect(body.expires_at).toBe('2026-11-23T04:53:15.000000Z')
    expect(body.issued_at).toBe('2026-11-23T03:53:15.000000Z')
    const database = body.catalog?.find((e) => e.type === 'database')
    expect(database?.name).toBe('trove')
    const publicUrls = database?.endpoints.filter((e) => e.interface === 'public')
    expect(publicUrls?.map((e) => [e.region, e.region_id, e.url])).toEqual([
      ['RegionOne', 'RegionOne', `http://cloud.test:8080/trove/RegionOne/v1.0/${body.project?.id}`],
      ['RegionTwo', 'RegionTwo', `http://cloud.test:8080/trove/RegionTwo/v1.0/${body.project?.id}`],
    ])
    expect(database?.endpoints.map((e) => e.interface).sort()).toEqual([
      'admin',
      'admin',
      'internal',
      'internal',
      'public',
      'public',
    ])
    const identity = body.catalog?.find((e) => e.type === 'identity')
    expect(identity?.endpoints[0]?.url).toBe('http://cloud.test:8080/v3')
  })

  it('scopes by project id and by user id; admin holds admin and member', async () => {
    t = createTestCloud()
    const first = await t.login('admin', 'secret', 'admin')
    const res = await t.json('POST', '/v3/auth/tokens', {
      body: {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { id: first.body.token.user.id, password: 'secret' } },
          },
          scope: { project: { id: first.projectId } },
        },
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.token.roles.map((r: { name: string }) => r.name).sort()).toEqual([
      'admin',
      'member',
    ])
  })

  it('issues an unscoped token without project, roles or catalog', async () => {
    t = createTestCloud()
    const res = await t.json('POST', '/v3/auth/tokens', { body: passwordAuth('demo', 'demo') })
    expect(res.status).toBe(201)
    expect(res.body.token.project).toBeUndefined()
    expect(res.body.token.roles).toBeUndefined()
    expect(res.body.token.catalog).toBeUndefined()
    // an unscoped token lists the user's projects
    const projects = await t.json('GET', '/v3/auth/projects', {
      token: res.headers.get('x-subject-token')!,
    })
    expect(projects.status).toBe(200)
    expect(projects.body.projects.map((p: { name: string }) => p.name)).toEqual([
      'demo',
      'demo-staging',
    ])
    expect(projects.body.projects[0]).toMatchObject({ domain_id: 'default', enabled: true })
    expect(projects.body.links.self).toBe('http://cloud.test:8080/v3/auth/projects')
  })

  it('refuses a wrong password, an unknown user, and a project without a role with 401', async () => {
    t = createTestCloud()
    const unauthorized = {
      error: {
        code: 401,
        message: 'The request you have made requires authentication.',
        title: 'Unauthorized',
      },
    }
    for (const body of [
      passwordAuth('demo', 'nope'),
      passwordAuth('nobody', 'demo'),
      passwordAuth('demo', 'demo', { project: { name: 'alt', domain: { id: 'default' } } }),
      passwordAuth('demo', 'demo', { project: { id: 'does-not-exist' } }),
    ]) {
      const res = await t.json('POST', '/v3/auth/tokens', { body })
      expect(res.status).toBe(401)
      expect(res.body).toEqual(unauthorized)
      expect(res.headers.get('x-subject-token')).toBeNull()
    }
  })

  it('answers malformed requests with 400 in the Keystone envelope', async () => {
    t = createTestCloud()
    for (const req of [
      { rawBody: '{nope' },
      { body: [] },
      { body: { auth: { identity: {} } } },
      {},
    ]) {
      const res = await t.json('POST', '/v3/auth/tokens', req)
      expect(res.status).toBe(400)
      expect(res.body.error).toMatchObject({ code: 400, title: 'Bad Request' })
      expect(res.body.error.message).toBeTruthy()
    }
  })

  it('re-scopes a token with the token method, keeping its expiry', async () => {
    t = createTestCloud()
    const unscoped = await t.login('demo', 'demo')
    t.clock.advance(600_000)
    const res = await t.json('POST', '/v3/auth/tokens', {
      body: {
        auth: {
          identity: { methods: ['token'], token: { id: unscoped.token } },
          scope: { project: { name: 'demo-staging', domain: { name: 'Default' } } },
        },
      },
    })
    expect(res.status).toBe(201)
    expect(res.body.token.methods).toEqual(['token'])
    expect(res.body.token.project.name).toBe('demo-staging')
    expect(res.body.token.expires_at).toBe(unscoped.body.token.expires_at)
    expect(res.body.token.audit_ids[1]).toBe(unscoped.body.token.audit_ids[0])
    const bad = await t.json('POST', '/v3/auth/tokens', {
      body: { auth: { identity: { methods: ['token'], token: { id: 'not-a-token' } } } },
    })
    expect(bad.status).toBe(401)
  })

  it('accepts an application credential stored for a user', async () => {
    t = createTestCloud()
    const demo = await t.login('demo', 'demo', 'demo')
    t.store
      .prepare(
        "INSERT INTO application_credentials (id, name, user_id, project_id, secret_hash, created_at) VALUES ('ac1', 'ci', ?, ?, ?, 0)",
      )
      .run(demo.body.token.user.id, demo.projectId, await hashPassword('s3cret'))
    const byId = await t.json('POST', '/v3/auth/tokens', {
      body: {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: { id: 'ac1', secret: 's3cret' },
          },
        },
      },
    })
    expect(byId.status).toBe(201)
    expect(byId.body.token.project.id).toBe(demo.projectId)
    expect(byId.body.token.application_credential).toMatchObject({ id: 'ac1', name: 'ci' })
    const byName = await t.json('POST', '/v3/auth/tokens', {
      body: {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: {
              name: 'ci',
              secret: 's3cret',
              user: { name: 'demo', domain: { id: 'default' } },
            },
          },
        },
      },
    })
    expect(byName.status).toBe(201)
    const wrong = await t.json('POST', '/v3/auth/tokens', {
      body: {
        auth: {
          identity: {
            methods: ['application_credential'],
            application_credential: { id: 'ac1', secret: 'x' },
          },
        },
      },
    })
    expect(wrong.status).toBe(401)
  })
})

describe('GET /v3/auth/catalog', () => {
  it('answers the catalog of a project-scoped token, 403 for an unscoped one, 401 without', async () => {
    t = createTestCloud()
    const scoped = await t.login('demo', 'demo', 'demo')
    const res = await t.json('GET', '/v3/auth/catalog', { token: scoped.token })
    expect(res.status).toBe(200)
    expect(res.body.catalog).toEqual(scoped.body.token.catalog)
    expect(res.body.links.self).toBe('http://cloud.test:8080/v3/auth/catalog')
    const unscoped = await t.login('demo', 'demo')
    const refused = await t.json('GET', '/v3/auth/catalog', { token: unscoped.token })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatchObject({ code: 403, title: 'Forbidden' })
    expect((await t.json('GET', '/v3/auth/catalog')).status).toBe(401)
  })
})

describe('GET and DELETE /v3/auth/tokens', () => {
  it('validates, then revokes a token', async () => {
    t = createTestCloud()
    const admin = await t.login('admin', 'secret', 'admin')
    const demo = await t.login('demo', 'demo', 'demo')
    const shown = await t.json('GET', '/v3/auth/tokens', {
      token: admin.token,
      headers: { 'X-Subject-Token': demo.token },
    })
    expect(shown.status).toBe(200)
    expect(shown.headers.get('x-subject-token')).toBe(demo.token)
    expect(shown.body.token.project.name).toBe('demo')

    const del = await t.json('DELETE', '/v3/auth/tokens', {
      token: demo.token,
      headers: { 'X-Subject-Token': demo.token },
    })
    expect(del.status).toBe(204)
    const gone = await t.json('GET', '/v3/auth/tokens', {
      token: admin.token,
      headers: { 'X-Subject-Token': demo.token },
    })
    expect(gone.status).toBe(404)
    expect(gone.body.error).toMatchObject({ code: 404, title: 'Not Found' })
    const trove = await t.json('GET', `${t.troveBase(demo.projectId)}/instances`, {
      token: demo.token,
    })
    expect(trove.status).toBe(401)
  })

  it('expires tokens after the TTL', async () => {
    t = createTestCloud({ tokenTtl: 60 })
    const demo = await t.login('demo', 'demo', 'demo')
    const admin = await t.login('admin', 'secret', 'admin')
    expect(demo.body.token.expires_at).toBe('2026-11-23T03:54:15.000000Z')
    const ok = await t.json('GET', `${t.troveBase(demo.projectId)}/flavors`, { token: demo.token })
    expect(ok.status).toBe(200)
    t.clock.advance(61_000)
    const expired = await t.json('GET', `${t.troveBase(demo.projectId)}/flavors`, {
      token: demo.token,
    })
    expect(expired.status).toBe(401)
    expect(expired.headers.get('www-authenticate')).toContain('Keystone uri=')
    const check = await t.json('GET', '/v3/auth/tokens', {
      token: admin.token,
      headers: { 'X-Subject-Token': demo.token },
    })
    expect(check.status).toBe(401) // the caller's own token expired too
  })

  it('needs a valid X-Auth-Token to look at tokens or projects', async () => {
    t = createTestCloud()
    expect((await t.json('GET', '/v3/auth/projects')).status).toBe(401)
    expect(
      (await t.json('GET', '/v3/auth/tokens', { headers: { 'X-Subject-Token': 'x' } })).status,
    ).toBe(401)
  })
})
