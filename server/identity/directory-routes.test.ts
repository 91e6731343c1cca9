import { afterEach, describe, expect, it } from 'vitest'
import {
  allProjectsSchema,
  projectShowSchema,
  identityUserListSchema,
  identityUserShowSchema,
} from '../../src/api/identity/schemas'
import { createTestCloud, type TestCloud } from '../testing'

let t: TestCloud
afterEach(() => t?.close())

// Real Keystone 22 (reference cloud, legacy policy) answered these exact bodies and statuses.
const refused = (action: string) => ({
  error: {
    code: 403,
    message: `You are not authorized to perform the requested action: identity:${action}.`,
    title: 'Forbidden',
  },
})

describe('Keystone project and user directory', () => {
  it('lists every project and user to an admin, in real Keystone shape', async () => {
    t = createTestCloud()
    const admin = await t.login('admin', 'secret', 'admin')
    const projects = await t.json('GET', '/v3/projects', { token: admin.token })
    expect(projects.status).toBe(200)
    const list = allProjectsSchema.parse(projects.body)
    const names = list.projects.map((p) => p.name)
    expect(names).toEqual([...names].sort())
    expect(names).toEqual(expect.arrayContaining(['admin', 'demo']))
    const demo = projects.body.projects.find((p: { name: string }) => p.name === 'demo')
    expect(Object.keys(demo).sort()).toEqual(
      [
        'description',
        'domain_id',
        'enabled',
        'id',
        'is_domain',
        'links',
        'name',
        'options',
        'parent_id',
        'tags',
      ].sort(),
    )
    expect(demo.links.self).toBe(`http://cloud.test:8080/v3/projects/${demo.id}`)
    expect(projects.body.links).toEqual({
      self: 'http://cloud.test:8080/v3/projects',
      previous: null,
      next: null,
    })

    const users = await t.json('GET', '/v3/users', { token: admin.token })
    expect(users.status).toBe(200)
    const u = identityUserListSchema.parse(users.body).users
    expect(u.map((x) => x.name)).toEqual(expect.arrayContaining(['admin', 'demo']))
    const first = users.body.users[0]
    expect(Object.keys(first).sort()).toEqual(
      ['domain_id', 'enabled', 'id', 'links', 'name', 'options', 'password_expires_at'].sort(),
    )
    expect(JSON.stringify(users.body)).not.toMatch(/password_hash|\$argon|\$scrypt/)
  })

  it('filters by name like Keystone', async () => {
    t = createTestCloud()
    const admin = await t.login('admin', 'secret', 'admin')
    const res = await t.json('GET', '/v3/projects?name=demo', { token: admin.token })
    expect(res.body.projects.map((p: { name: string }) => p.name)).toEqual(['demo'])
    const none = await t.json('GET', '/v3/users?name=nobody', { token: admin.token })
    expect(none.body.users).toEqual([])
  })

  it('refuses the lists to a member with 403, and lets them read their own project and user', async () => {
    t = createTestCloud()
    const demo = await t.login('demo', 'demo', 'demo')
    const projects = await t.json('GET', '/v3/projects', { token: demo.token })
    expect(projects.status).toBe(403)
    expect(projects.body).toEqual(refused('list_projects'))
    const users = await t.json('GET', '/v3/users', { token: demo.token })
    expect(users.status).toBe(403)
    expect(users.body).toEqual(refused('list_users'))

    const own = await t.json('GET', `/v3/projects/${demo.projectId}`, { token: demo.token })
    expect(own.status).toBe(200)
    expect(projectShowSchema.parse(own.body).project.name).toBe('demo')
    const userId: string = demo.body.token.user.id
    const me = await t.json('GET', `/v3/users/${userId}`, { token: demo.token })
    expect(identityUserShowSchema.parse(me.body).user.name).toBe('demo')

    const admin = await t.login('admin', 'secret', 'admin')
    const other = await t.json('GET', `/v3/projects/${admin.projectId}`, { token: demo.token })
    expect(other.status).toBe(403)
    expect(other.body).toEqual(refused('get_project'))
    const missing = await t.json('GET', '/v3/projects/nope', { token: admin.token })
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toBe('Could not find project: nope.')
  })

  it('asks for a token', async () => {
    t = createTestCloud()
    const res = await t.json('GET', '/v3/projects')
    expect(res.status).toBe(401)
    expect(res.body.error.title).toBe('Unauthorized')
  })
})
