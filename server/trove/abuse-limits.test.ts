import { afterEach, describe, expect, it } from 'vitest'
import { findUser } from '../store/user-database-queries'
import { MAX_USERS_PER_REQUEST } from './item-limits'
import { troveFixture } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

describe('one request cannot hold the server', () => {
  it('refuses a password change naming 1,000 users with a 400 before hashing anything', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo, { users: [{ name: 'u1', password: 'old-secret' }] })
    const before = findUser(fx.t.store, id, 'u1', '%')!.password_hash
    const users = Array.from({ length: 1000 }, () => ({ name: 'u1', password: 'new-secret' }))
    const res = await fx.t.json('PUT', `${fx.demo.base}/instances/${id}/users`, {
      token: fx.demo.token,
      body: { users },
    })
    expect(res.status).toBe(400)
    expect(res.body.badRequest.message).toContain(`at most ${MAX_USERS_PER_REQUEST}`)
    expect(findUser(fx.t.store, id, 'u1', '%')!.password_hash).toBe(before)
  })

  it('refuses the same user twice in one password change', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo, { users: [{ name: 'u1', password: 'old-secret' }] })
    const res = await fx.t.json('PUT', `${fx.demo.base}/instances/${id}/users`, {
      token: fx.demo.token,
      body: {
        users: [
          { name: 'u1', password: 'a-secret' },
          { name: 'u1', password: 'b-secret' },
        ],
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.badRequest.message).toContain('more than once')
  })

  it('refuses a user create or an instance create with too many users', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const many = Array.from({ length: MAX_USERS_PER_REQUEST + 1 }, (_, i) => ({
      name: `u${i}`,
      password: 'secret',
    }))
    const create = await fx.t.json('POST', `${fx.demo.base}/instances/${id}/users`, {
      token: fx.demo.token,
      body: { users: many },
    })
    expect(create.status).toBe(400)
    expect(create.body.badRequest.message).toContain('Too many users')
    const instance = await fx.create(fx.demo, {
      name: 'big',
      flavorRef: '2',
      volume: { size: 1 },
      users: many,
    })
    expect(instance.status).toBe(400)
    expect(instance.body.badRequest.message).toContain('Too many users')
  })

  it('still accepts a list at the bound, hashed off the main thread', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const users = Array.from({ length: 5 }, (_, i) => ({ name: `u${i}`, password: `secret${i}` }))
    const res = await fx.t.json('POST', `${fx.demo.base}/instances/${id}/users`, {
      token: fx.demo.token,
      body: { users },
    })
    expect(res.status).toBe(202)
    expect(findUser(fx.t.store, id, 'u4', '%')?.password_hash).toMatch(/^scrypt\$/)
  })
})

describe('Trove rate limits', () => {
  it('are on by default: the 201st GET in a minute gets 413 overLimit with Retry-After', async () => {
    fx = await troveFixture()
    let last = await fx.t.json('GET', `${fx.demo.base}/flavors`, { token: fx.demo.token })
    for (let i = 1; i <= 200 && last.status === 200; i++) {
      last = await fx.t.json('GET', `${fx.demo.base}/flavors`, { token: fx.demo.token })
    }
    expect(last.status).toBe(413)
    expect(last.body.overLimit).toMatchObject({
      code: 413,
      message: 'This request was rate-limited.',
      details: 'Only 200 GET request(s) can be made to * every minute.',
    })
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Another tenant is not affected.
    const alt = await fx.t.json('GET', `${fx.alt.base}/flavors`, { token: fx.alt.token })
    expect(alt.status).toBe(200)
    // The bucket leaks a second per second: the /limits view (a GET too) fits after a moment.
    fx.t.clock.advance(2000)
    const limits = await fx.t.json('GET', `${fx.demo.base}/limits`, { token: fx.demo.token })
    expect(limits.status).toBe(200)
    const get = (limits.body.limits as { verb: string; remaining: number; value: number }[]).find(
      (l) => l.verb === 'GET',
    )
    expect(get?.value).toBe(200)
    expect(get?.remaining).toBeLessThan(10)
  })

  it('follow --rate-limit, and 0 only counts', async () => {
    fx = await troveFixture({ rateLimitPerMinute: 3 })
    const codes: number[] = []
    for (let i = 0; i < 4; i++) {
      codes.push(
        (await fx.t.json('GET', `${fx.demo.base}/flavors`, { token: fx.demo.token })).status,
      )
    }
    expect(codes).toEqual([200, 200, 200, 413])
    fx.t.close()
    fx = await troveFixture({ rateLimitPerMinute: 0 })
    for (let i = 0; i < 210; i++) {
      const res = await fx.t.json('GET', `${fx.demo.base}/flavors`, { token: fx.demo.token })
      expect(res.status).toBe(200)
    }
  })
})

describe('content types (as Trove 18 answers them)', () => {
  it('answers JSON sent as text, a form or XML with webob’s 415 and changes nothing', async () => {
    fx = await troveFixture()
    const body = JSON.stringify({ instance: { name: 'x', flavorRef: '2', volume: { size: 1 } } })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await fx.t.json('POST', `${fx.demo.base}/instances`, {
        token: fx.demo.token,
        rawBody: body,
        headers: { 'Content-Type': type },
      })
      expect(res.status).toBe(415)
      expect(res.body).toEqual({
        message: `The request media type ${type} is not supported by this server.\n<br /><br />\n`,
        code: '415 Unsupported Media Type',
        title: 'Unsupported Media Type',
      })
    }
    const list = await fx.t.json('GET', `${fx.demo.base}/instances`, { token: fx.demo.token })
    expect(list.body.instances).toEqual([])
    const ok = await fx.t.json('POST', `${fx.demo.base}/instances`, {
      token: fx.demo.token,
      rawBody: body,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    })
    expect(ok.status).toBe(200)
  })

  it('answers Keystone’s 400 on identity routes and 415 on the DBaaS API', async () => {
    fx = await troveFixture()
    const login = await fx.t.json('POST', '/v3/auth/tokens', {
      rawBody: '{"auth": {}}',
      headers: { 'Content-Type': 'text/plain' },
    })
    expect(login.status).toBe(400)
    expect(login.body).toEqual({
      error: {
        code: 400,
        title: 'Bad Request',
        message:
          'Expecting to find application/json in Content-Type header. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.',
      },
    })
    const dbaas = await fx.t.json('POST', '/dbaas/RegionOne/v2/dbaas-postgres', {
      token: fx.demo.token,
      rawBody: '{}',
      headers: { 'Content-Type': 'text/plain' },
    })
    expect(dbaas.status).toBe(415)
    expect(dbaas.body.message).toContain('text/plain')
  })
})
