import { afterEach, describe, expect, it } from 'vitest'
import { eventsFor } from '../store/task-queries'
import { troveFixture } from './test-fixtures'
import type { JsonBody } from '../testing'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const st = (res: { body: JsonBody }) => [
  res.body.instance.status,
  res.body.instance.operating_status,
]

describe('instance lifecycle', () => {
  it('builds BUILD -> ACTIVE/HEALTHY in 9 s, with addresses and volume usage', async () => {
    fx = await troveFixture()
    const created = await fx.create(fx.demo, { name: 'inst1', flavorRef: '2', volume: { size: 2 } })
    const id = created.body.instance.id
    fx.t.advance(3)
    const mid = await fx.show(fx.demo, id)
    expect(st(mid)).toEqual(['BUILD', ''])
    expect(mid.body.instance.volume).toEqual({ size: 2 })
    expect(mid.body.instance.ip).toEqual([expect.stringMatching(/^10\.0\.\d+\.\d+$/)])
    fx.t.advance(5.9)
    expect(st(await fx.show(fx.demo, id))).toEqual(['BUILD', ''])
    fx.t.advance(0.2)
    const done = await fx.show(fx.demo, id)
    expect(st(done)).toEqual(['ACTIVE', 'HEALTHY'])
    expect(done.body.instance.volume).toEqual({ size: 2, used: 0.16 })
    expect(done.body.instance.updated).toBe('2026-11-23T03:53:24')
    const events = eventsFor(fx.t.store, id).map((e) => [e.from_status, e.to_status])
    expect(events).toEqual([
      [null, 'BUILD'],
      ['BUILD', 'BUILD'],
      ['BUILD', 'ACTIVE'],
    ])
  })

  it('restarts: REBOOT then ACTIVE after 2 s; a second restart meanwhile is 422', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const res = await fx.action(fx.demo, id, { restart: {} })
    expect(res.status).toBe(202)
    expect(res.body).toBeNull()
    expect(st(await fx.show(fx.demo, id))).toEqual(['REBOOT', ''])
    const busy = await fx.action(fx.demo, id, { restart: {} })
    expect(busy.status).toBe(422)
    expect(busy.body).toEqual({
      unprocessableEntity: {
        code: 422,
        message: `Instance ${id} is not currently available for an action to be performed (task status was REBOOTING).`,
      },
    })
    const resizeBusy = await fx.action(fx.demo, id, { resize: { flavorRef: '3' } })
    expect(resizeBusy.status).toBe(422)
    fx.t.advance(2)
    expect(st(await fx.show(fx.demo, id))).toEqual(['ACTIVE', 'HEALTHY'])
  })

  it('refuses actions on a building instance (instance status was BUILD)', async () => {
    fx = await troveFixture()
    const id = (await fx.create(fx.demo, { name: 'b', flavorRef: '2', volume: { size: 2 } })).body
      .instance.id
    const res = await fx.action(fx.demo, id, { restart: {} })
    expect(res.status).toBe(422)
    expect(res.body.unprocessableEntity.message).toContain('(instance status was BUILD)')
    const del = await fx.t.json('DELETE', `${fx.demo.base}/instances/${id}`, {
      token: fx.demo.token,
    })
    expect(del.status).toBe(422)
  })

  it('resizes the volume (grow only, max 100) in 6 s', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const same = await fx.action(fx.demo, id, { resize: { volume: { size: 2 } } })
    expect(same.status).toBe(400)
    expect(same.body.badRequest.message).toBe(
      "The new volume 'size' must be larger than the current volume size of '2'.",
    )
    const huge = await fx.action(fx.demo, id, { resize: { volume: { size: 500 } } })
    expect(huge.status).toBe(413)
    expect(huge.body.overLimit.message).toBe(
      "Volume 'size' cannot exceed maximum of 100 GB, 500 cannot be accepted.",
    )
    const bad = await fx.action(fx.demo, id, { resize: { volume: { size: 0 } } })
    expect(bad.status).toBe(400)
    expect(bad.body.badRequest.message).toMatch(/^Validation error: resize\['volume'\]\['size'\]/)
    expect((await fx.action(fx.demo, id, { resize: { volume: { size: 3 } } })).status).toBe(202)
    const during = await fx.show(fx.demo, id)
    expect(st(during)).toEqual(['RESIZE', ''])
    expect(during.body.instance.volume).toEqual({ size: 2 })
    fx.t.advance(6)
    const after = await fx.show(fx.demo, id)
    expect(st(after)).toEqual(['ACTIVE', 'HEALTHY'])
    expect(after.body.instance.volume).toEqual({ size: 3, used: 0.16 })
  })

  it('resizes the flavor in 16 s; same flavor 400, unknown flavor 400', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const same = await fx.action(fx.demo, id, { resize: { flavorRef: '2' } })
    expect(same.body).toEqual({
      badRequest: {
        code: 400,
        message: "The new flavor id must be different than the current flavor id of '2'.",
      },
    })
    const unknown = await fx.action(fx.demo, id, { resize: { flavorRef: '999' } })
    expect(unknown.body.badRequest.message).toBe('Resource 999 cannot be found.')
    expect((await fx.action(fx.demo, id, { resize: { flavorRef: '3' } })).status).toBe(202)
    expect(st(await fx.show(fx.demo, id))).toEqual(['RESIZE', ''])
    fx.t.advance(15)
    expect((await fx.show(fx.demo, id)).body.instance.flavor.id).toBe('2')
    fx.t.advance(1)
    const after = await fx.show(fx.demo, id)
    expect(st(after)).toEqual(['ACTIVE', 'HEALTHY'])
    expect(after.body.instance.flavor.id).toBe('3')
  })

  it('deletes: SHUTDOWN, then 404 after 4 s; the quota frees up', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const del = await fx.t.json('DELETE', `${fx.demo.base}/instances/${id}`, {
      token: fx.demo.token,
    })
    expect(del.status).toBe(202)
    expect(st(await fx.show(fx.demo, id))).toEqual(['SHUTDOWN', ''])
    fx.t.advance(4)
    const gone = await fx.show(fx.demo, id)
    expect(gone.status).toBe(404)
    expect(gone.body).toEqual({
      itemNotFound: { code: 404, message: `Resource ${id} cannot be found.` },
    })
    const list = await fx.t.json('GET', `${fx.demo.base}/instances`, { token: fx.demo.token })
    expect(list.body).toEqual({ instances: [] })
  })

  it.each([
    ['g-GUEST_ERROR', 1, 11, 'Service not active, status: failed to spawn'],
    [
      's-SERVER_ERROR',
      1,
      2,
      'Failed to create server for instance {id}\nUnknown Error (HTTP Fake server create error.)',
    ],
    ['vol9', 9, 4, 'Failed to create volume for instance {id}\nFailed to create volume.'],
  ])('injects failures: %s ends in ERROR with a fault', async (name, size, after, message) => {
    fx = await troveFixture()
    const id = (await fx.create(fx.demo, { name, flavorRef: '1', volume: { size } })).body.instance
      .id
    fx.t.advance(after - 0.5)
    expect((await fx.show(fx.demo, id)).body.instance.status).toBe('BUILD')
    fx.t.advance(0.5)
    const res = await fx.show(fx.demo, id)
    expect(st(res)).toEqual(['ERROR', ''])
    expect(res.body.instance.fault).toEqual({
      message: message.replace('{id}', id),
      created: res.body.instance.updated,
      details: null,
    })
    // error instances can be deleted
    expect(
      (await fx.t.json('DELETE', `${fx.demo.base}/instances/${id}`, { token: fx.demo.token }))
        .status,
    ).toBe(202)
  })

  it('reset_status: admin only; an errored instance becomes ACTIVE/ERROR', async () => {
    fx = await troveFixture()
    const id = (
      await fx.create(fx.admin, { name: 'x-SERVER_ERROR', flavorRef: '1', volume: { size: 1 } })
    ).body.instance.id
    fx.t.advance(3)
    expect((await fx.show(fx.admin, id)).body.instance.status).toBe('ERROR')
    const res = await fx.action(fx.admin, id, { reset_status: {} })
    expect(res.status).toBe(202)
    const after = await fx.show(fx.admin, id)
    expect(st(after)).toEqual(['ACTIVE', 'ERROR'])
    expect(after.body.instance.fault).toBeUndefined()

    const mine = await fx.active(fx.demo)
    const denied = await fx.action(fx.demo, mine, { reset_status: {} })
    expect(denied.status).toBe(403)
    expect(denied.body).toEqual({
      forbidden: {
        code: 403,
        message: "Policy doesn't allow instance:reset_status to be performed.",
      },
    })
  })

  it('answers bad action bodies with 400 and unknown instances with 404', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    for (const body of [
      { bogus: {} },
      {},
      [1],
      { restart: 'now' },
      { resize: {} },
      { resize: { flavorRef: '' } },
    ]) {
      const res = await fx.action(fx.demo, id, body)
      expect(res.status).toBe(400)
      expect(res.body.badRequest.code).toBe(400)
    }
    const empty = await fx.t.json('POST', `${fx.demo.base}/instances/${id}/action`, {
      token: fx.demo.token,
      rawBody: '',
    })
    expect(empty.status).toBe(400)
    const missing = await fx.action(fx.demo, 'doesnotexist', { restart: {} })
    expect(missing.body).toEqual({
      itemNotFound: { code: 404, message: 'Resource doesnotexist cannot be found.' },
    })
  })

  it('renames and updates access with PUT/PATCH; one attribute besides name', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const put = (body: unknown, method = 'PUT') =>
      fx.t.json(method, `${fx.demo.base}/instances/${id}`, { token: fx.demo.token, body })
    expect((await put({ instance: { name: 'renamed' } })).status).toBe(202)
    expect((await fx.show(fx.demo, id)).body.instance.name).toBe('renamed')
    expect((await put({ instance: { name: 'renamed2' } }, 'PATCH')).status).toBe(202)
    const two = await put({ instance: { access: { is_public: true }, configuration: null } })
    expect(two.body).toEqual({
      badRequest: {
        code: 400,
        message: "Only one attribute (except 'name') is allowed to update.",
      },
    })
    const extra = await put({ instance: { foo: 'bar' } })
    expect(extra.body.badRequest.message).toBe(
      "Validation error: instance Additional properties are not allowed ('foo' was unexpected)",
    )
    const access = await put({
      instance: { name: 'pub', access: { is_public: true, allowed_cidrs: ['192.168.0.0/16'] } },
    })
    expect(access.status).toBe(202)
    const during = await fx.show(fx.demo, id)
    expect(during.body.instance.access).toEqual({
      is_public: true,
      allowed_cidrs: ['192.168.0.0/16'],
    })
    expect(during.body.instance.operating_status).toBe('')
    fx.t.advance(2)
    const after = await fx.show(fx.demo, id)
    expect(st(after)).toEqual(['ACTIVE', 'HEALTHY'])
    expect(after.body.instance.addresses.map((a: { type: string }) => a.type)).toEqual([
      'private',
      'public',
    ])
    expect((await put(undefined)).status).toBe(400)
  })
})

describe('isolation and access', () => {
  it('hides other projects instances (404 to read, act, delete) and separates regions', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const notFound = { itemNotFound: { code: 404, message: `Resource ${id} cannot be found.` } }
    expect((await fx.show(fx.alt, id)).body).toEqual(notFound)
    expect((await fx.action(fx.alt, id, { restart: {} })).body).toEqual(notFound)
    expect(
      (await fx.t.json('DELETE', `${fx.alt.base}/instances/${id}`, { token: fx.alt.token })).body,
    ).toEqual(notFound)
    expect(
      (
        await fx.t.json('PUT', `${fx.alt.base}/instances/${id}`, {
          token: fx.alt.token,
          body: { instance: { name: 'x' } },
        })
      ).status,
    ).toBe(404)
    const alts = await fx.t.json('GET', `${fx.alt.base}/instances`, { token: fx.alt.token })
    expect(alts.body.instances).toEqual([])
    const regionTwo = await fx.t.json(
      'GET',
      `${fx.t.troveBase(fx.demo.projectId, 'RegionTwo')}/instances/${id}`,
      { token: fx.demo.token },
    )
    expect(regionTwo.status).toBe(404)
    const r2list = await fx.t.json(
      'GET',
      `${fx.t.troveBase(fx.demo.projectId, 'RegionTwo')}/instances`,
      { token: fx.demo.token },
    )
    expect(r2list.body.instances).toEqual([])
    // still there for its owner
    expect((await fx.show(fx.demo, id)).status).toBe(200)
  })

  it('answers a tenant mismatch with the webob 403', async () => {
    fx = await troveFixture()
    const res = await fx.t.json('GET', `${fx.alt.base}/instances`, { token: fx.demo.token })
    expect(res.status).toBe(403)
    expect(res.body).toEqual({
      message: `Access was denied to this resource.<br /><br />\nUser with tenant id ${fx.demo.projectId} cannot access this resource.\n\n`,
      code: '403 Forbidden',
      title: 'Forbidden',
    })
  })

  it('answers a missing or bogus token with the keystonemiddleware 401', async () => {
    fx = await troveFixture()
    for (const token of [undefined, 'bogus']) {
      const res = await fx.t.json('GET', `${fx.demo.base}/instances`, token ? { token } : {})
      expect(res.status).toBe(401)
      expect(res.body).toEqual({
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.',
        },
      })
      expect(res.headers.get('www-authenticate')).toBe('Keystone uri="http://cloud.test:8080/v3"')
    }
  })

  it('shows admin-only fields to admins, and admins may read any project instance', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const res = await fx.show(fx.admin, id)
    expect(res.status).toBe(200)
    expect(res.body.instance).toMatchObject({
      tenant_id: fx.demo.projectId,
      encrypted_rpc_messaging: true,
    })
    expect(res.body.instance.server_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.body.instance.volume_id).toMatch(/^[0-9a-f-]{36}$/)
  })
})
