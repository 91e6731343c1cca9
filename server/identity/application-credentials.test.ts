import { afterEach, describe, expect, it } from 'vitest'
import { tokenBodySchema } from '../../src/api/identity/schemas'
import { createTestCloud, type TestCloud } from '../testing'

let t: TestCloud
afterEach(() => t?.close())

const appCredAuth = (cred: Record<string, unknown>) => ({
  auth: { identity: { methods: ['application_credential'], application_credential: cred } },
})

async function demoSession() {
  const demo = await t.login('demo', 'demo', 'demo')
  return { ...demo, userId: demo.body.token.user.id as string }
}

describe('application credentials', () => {
  it('creates one (secret returned once), lists and shows it without the secret', async () => {
    t = createTestCloud()
    const demo = await demoSession()
    const path = `/v3/users/${demo.userId}/application_credentials`
    const created = await t.json('POST', path, {
      token: demo.token,
      body: { application_credential: { name: 'wall', description: 'Ops room wall' } },
    })
    expect(created.status).toBe(201)
    const cred = created.body.application_credential
    expect(cred).toMatchObject({
      name: 'wall',
      description: 'Ops room wall',
      user_id: demo.userId,
      project_id: demo.projectId,
      expires_at: null,
      unrestricted: false,
      roles: [{ name: 'member', domain_id: null }],
    })
    expect(cred.id).toMatch(/^[0-9a-f]{32}$/)
    expect(cred.secret).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    expect(cred.links.self).toBe(`http://cloud.test:8080${path}/${cred.id}`)

    const list = await t.json('GET', path, { token: demo.token })
    expect(list.status).toBe(200)
    expect(list.body.application_credentials).toHaveLength(1)
    expect(list.body.application_credentials[0].secret).toBeUndefined()
    const byName = await t.json('GET', `${path}?name=nope`, { token: demo.token })
    expect(byName.body.application_credentials).toEqual([])

    const shown = await t.json('GET', `${path}/${cred.id}`, { token: demo.token })
    expect(shown.status).toBe(200)
    expect(shown.body.application_credential.id).toBe(cred.id)
    expect(shown.body.application_credential.secret).toBeUndefined()
  })

  it('authenticates by id, or by name and user, scoped to the project with its roles', async () => {
    t = createTestCloud()
    const demo = await demoSession()
    const created = await t.json('POST', `/v3/users/${demo.userId}/application_credentials`, {
      token: demo.token,
      body: { application_credential: { name: 'wall', secret: 'wall-secret' } },
    })
    const id = created.body.application_credential.id as string
    const byId = await t.json('POST', '/v3/auth/tokens', {
      body: appCredAuth({ id, secret: 'wall-secret' }),
    })
    expect(byId.status).toBe(201)
    const body = tokenBodySchema.parse(byId.body).token
    expect(body.methods).toEqual(['application_credential'])
    expect(body.project?.id).toBe(demo.projectId)
    expect(body.roles?.map((r) => r.name)).toEqual(['member'])
    expect(body.catalog?.some((e) => e.type === 'database')).toBe(true)
    expect(byId.body.token.application_credential).toMatchObject({ id, name: 'wall' })

    const byName = await t.json('POST', '/v3/auth/tokens', {
      body: appCredAuth({
        name: 'wall',
        secret: 'wall-secret',
        user: { name: 'demo', domain: { name: 'Default' } },
      }),
    })
    expect(byName.status).toBe(201)

    // The token works on Trove.
    const token = byId.headers.get('x-subject-token') ?? ''
    const instances = await t.json('GET', `${t.troveBase(demo.projectId)}/instances`, { token })
    expect(instances.status).toBe(200)

    const wrong = await t.json('POST', '/v3/auth/tokens', {
      body: appCredAuth({ id, secret: 'nope' }),
    })
    expect(wrong.status).toBe(401)
  })

  it('restricts roles to those the user holds, and the token to those roles', async () => {
    t = createTestCloud()
    const admin = await t.login('admin', 'secret', 'admin')
    const userId = admin.body.token.user.id as string
    const path = `/v3/users/${userId}/application_credentials`
    const reader = await t.json('POST', path, {
      token: admin.token,
      body: {
        application_credential: { name: 'member-only', secret: 's', roles: [{ name: 'member' }] },
      },
    })
    expect(reader.status).toBe(201)
    expect(reader.body.application_credential.roles.map((r: { name: string }) => r.name)).toEqual([
      'member',
    ])
    const issued = await t.json('POST', '/v3/auth/tokens', {
      body: appCredAuth({ id: reader.body.application_credential.id, secret: 's' }),
    })
    expect(issued.body.token.roles.map((r: { name: string }) => r.name)).toEqual(['member'])

    const demo = await demoSession()
    const notHeld = await t.json('POST', `/v3/users/${demo.userId}/application_credentials`, {
      token: demo.token,
      body: { application_credential: { name: 'x', roles: [{ name: 'admin' }] } },
    })
    expect(notHeld.status).toBe(404)
    expect(notHeld.body.error.message).toMatch(/Could not find role assignment with role: admin/)
  })

  it('refuses duplicates, past expiry, missing names, other users and restricted creds', async () => {
    t = createTestCloud()
    const demo = await demoSession()
    const path = `/v3/users/${demo.userId}/application_credentials`
    const first = await t.json('POST', path, {
      token: demo.token,
      body: { application_credential: { name: 'wall', secret: 's' } },
    })
    expect(first.status).toBe(201)
    const dup = await t.json('POST', path, {
      token: demo.token,
      body: { application_credential: { name: 'wall' } },
    })
    expect(dup.status).toBe(409)
    expect(dup.body.error.title).toBe('Conflict')
    const past = await t.json('POST', path, {
      token: demo.token,
      body: { application_credential: { name: 'old', expires_at: '2001-01-01T00:00:00' } },
    })
    expect(past.status).toBe(400)
    const noName = await t.json('POST', path, {
      token: demo.token,
      body: { application_credential: {} },
    })
    expect(noName.status).toBe(400)
    expect(noName.body.error.message).toContain("'name' is a required property")

    const alt = await t.login('alt', 'alt', 'alt')
    const other = await t.json('POST', path, {
      token: alt.token,
      body: { application_credential: { name: 'steal' } },
    })
    expect(other.status).toBe(403)
    const otherList = await t.json('GET', path, { token: alt.token })
    expect(otherList.status).toBe(403)

    const viaCred = await t.json('POST', '/v3/auth/tokens', {
      body: appCredAuth({ id: first.body.application_credential.id, secret: 's' }),
    })
    const credToken = viaCred.headers.get('x-subject-token') ?? ''
    const minted = await t.json('POST', path, {
      token: credToken,
      body: { application_credential: { name: 'child' } },
    })
    expect(minted.status).toBe(403)
    const unauth = await t.json('GET', path)
    expect(unauth.status).toBe(401)
  })

  it('expires with its expires_at, and deleting it revokes its tokens', async () => {
    t = createTestCloud({ tokenTtl: 3600 })
    const demo = await demoSession()
    const path = `/v3/users/${demo.userId}/application_credentials`
    const expiresAt = new Date(t.clock.now() + 600_000).toISOString()
    const created = await t.json('POST', path, {
      token: demo.token,
      body: { application_credential: { name: 'short', secret: 's', expires_at: expiresAt } },
    })
    expect(created.status).toBe(201)
    expect(created.body.application_credential.expires_at).toMatch(/^\d{4}-.*\.\d{6}$/)
    const id = created.body.application_credential.id as string
    const issued = await t.json('POST', '/v3/auth/tokens', {
      body: appCredAuth({ id, secret: 's' }),
    })
    expect(issued.status).toBe(201)
    // The token never outlives the credential.
    expect(Date.parse(issued.body.token.expires_at)).toBeLessThanOrEqual(t.clock.now() + 600_000)
    const token = issued.headers.get('x-subject-token') ?? ''

    const del = await t.json('DELETE', `${path}/${id}`, { token: demo.token })
    expect(del.status).toBe(204)
    const again = await t.json('GET', `${path}/${id}`, { token: demo.token })
    expect(again.status).toBe(404)
    const troveAfter = await t.json('GET', `${t.troveBase(demo.projectId)}/instances`, { token })
    expect(troveAfter.status).toBe(401)
    const reissue = await t.json('POST', '/v3/auth/tokens', {
      body: appCredAuth({ id, secret: 's' }),
    })
    expect(reissue.status).toBe(401)

    const created2 = await t.json('POST', path, {
      token: demo.token,
      body: { application_credential: { name: 'short2', secret: 's', expires_at: expiresAt } },
    })
    t.clock.advance(601_000)
    const expired = await t.json('POST', '/v3/auth/tokens', {
      body: appCredAuth({ id: created2.body.application_credential.id, secret: 's' }),
    })
    expect(expired.status).toBe(401)
  })
})
