import { afterEach, describe, expect, it } from 'vitest'
import { setQuota } from '../store/quota-queries'
import { createRateLimiter } from './rate-limits'
import { troveFixture, type Session } from './test-fixtures'
import type { JsonBody } from '../testing'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const logAction = (s: Session, id: string, body: unknown) =>
  fx.t.json('POST', `${s.base}/instances/${id}/log`, { token: s.token, body })
const contents = (s: Session, id: string, name: string) =>
  fx.t.json('GET', `${s.base}/instances/${id}/log/${name}/contents`, { token: s.token })

describe('guest logs', () => {
  it('lists the exposed logs of a MySQL instance (members); admins also see guest', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const list = await fx.t.json('GET', `${fx.demo.base}/instances/${id}/log`, {
      token: fx.demo.token,
    })
    expect(list.status).toBe(200)
    expect(list.body.logs.map((l: JsonBody) => [l.name, l.type, l.status])).toEqual([
      ['general', 'USER', 'Disabled'],
      ['slow_query', 'USER', 'Disabled'],
      ['error', 'SYS', 'Ready'],
    ])
    expect(list.body.logs[0]).toEqual({
      name: 'general',
      type: 'USER',
      status: 'Disabled',
      published: '0',
      pending: '0',
      container: 'None',
      prefix: 'None',
      metafile: `${id}/mysql-general_metafile`,
    })
    const guest = await logAction(fx.demo, id, { name: 'guest' })
    expect(guest.status).toBe(403)
    const unknown = await logAction(fx.demo, id, { name: 'audit' })
    expect(unknown.status).toBe(404)
    const missing = await fx.t.json('GET', `${fx.demo.base}/instances/nope/log`, {
      token: fx.demo.token,
    })
    expect(missing.body).toEqual({
      itemNotFound: { code: 404, message: 'Resource nope cannot be found.' },
    })
  })

  it('enable -> Enabled; time passes -> Ready; publish -> Published; more -> Partial; contents', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const enabled = await logAction(fx.demo, id, { name: 'general', enable: 1 })
    expect(enabled.status).toBe(200)
    expect(enabled.body.log.status).toBe('Ready') // the log header is written on enable
    const pending = Number(enabled.body.log.pending)
    expect(pending).toBeGreaterThan(0)
    const published = await logAction(fx.demo, id, { name: 'general', publish: 1 })
    expect(published.body.log).toMatchObject({
      status: 'Published',
      published: String(pending),
      pending: '0',
      container: 'database_logs',
      prefix: `${id}/mysql-general/`,
    })
    const text = (await contents(fx.demo, id, 'general')).body.log_contents.text as string
    expect(text).toMatch(/^\/usr\/sbin\/mysqld, Version: 5\.7\.29/)
    fx.t.advance(120)
    const show = await logAction(fx.demo, id, { name: 'general' })
    expect(show.body.log.status).toBe('Partial')
    await logAction(fx.demo, id, { name: 'general', publish: 1 })
    const more = (await contents(fx.demo, id, 'general')).body.log_contents.text as string
    expect(more.startsWith(text)).toBe(true)
    expect(more).toMatch(/Query\tSELECT 1/)
    // discard: nothing published, everything pending again
    const discarded = await logAction(fx.demo, id, { name: 'general', discard: 1 })
    expect(discarded.body.log).toMatchObject({ status: 'Ready', published: '0', container: 'None' })
    expect(Number(discarded.body.log.pending)).toBe(Buffer.byteLength(more))
    const disabled = await logAction(fx.demo, id, { name: 'general', disable: 1 })
    expect(disabled.body.log).toMatchObject({ status: 'Disabled', pending: '0' })
  })

  it('the error log is generated from what the instance did, reproducibly', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    await fx.action(fx.demo, id, { restart: {} })
    fx.t.advance(2)
    const pub = await logAction(fx.demo, id, { name: 'error', publish: 1 })
    expect(pub.body.log.status).toBe('Published')
    const text = (await contents(fx.demo, id, 'error')).body.log_contents.text as string
    expect(text.split('\n').slice(0, 2)).toEqual([
      '2026-11-23T03:53:15.000000Z 0 [Note] mysqld (mysqld 5.7.29) starting as process 1 ...',
      '2026-11-23T03:53:15.000000Z 0 [Note] InnoDB: Initializing buffer pool, total size = 128M, instances = 1',
    ])
    expect(text).toMatch(/mysqld: Shutdown complete/)
    expect(text.match(/ready for connections/g)).toHaveLength(2)
    const sysDisable = await logAction(fx.demo, id, { name: 'error', disable: 1 })
    expect(sysDisable.status).toBe(400)
  })

  it('PostgreSQL logs use its format; a failed build shows its error', async () => {
    fx = await troveFixture()
    const res = await fx.create(fx.demo, {
      name: 'pg-GUEST_ERROR',
      flavorRef: '2',
      volume: { size: 2 },
      datastore: { type: 'postgresql', version: '12' },
    })
    fx.t.advance(12)
    const id = res.body.instance.id
    const list = await fx.t.json('GET', `${fx.demo.base}/instances/${id}/log`, {
      token: fx.demo.token,
    })
    expect(list.body.logs.map((l: JsonBody) => l.name)).toEqual(['general'])
    const admin = await fx.t.json('POST', `${fx.admin.base}/instances/${id}/log`, {
      token: fx.admin.token,
      body: { name: 'guest', publish: 1 },
    })
    expect(admin.status).toBe(200)
    await logAction(fx.demo, id, { name: 'general', publish: 1 })
    const text = (await contents(fx.demo, id, 'general')).body.log_contents.text as string
    expect(text).toMatch(/^2026-11-23 \d\d:\d\d:\d\d\.\d{3} UTC \[1\] LOG: {2}parameter/)
  })

  it('validates the body: name required, flags 0/1, not enable and disable; 422 in BUILD', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    expect((await logAction(fx.demo, id, { enable: 1 })).body.badRequest.message).toBe(
      "Validation error: 'name' is a required property",
    )
    expect((await logAction(fx.demo, id, { name: 'general', enable: 2 })).status).toBe(400)
    expect((await logAction(fx.demo, id, { name: 'general', enable: 1, disable: 1 })).status).toBe(
      400,
    )
    const building = await fx.create(fx.demo, { name: 'b', flavorRef: '2', volume: { size: 2 } })
    const b = await logAction(fx.demo, building.body.instance.id, { name: 'general', enable: 1 })
    expect(b.status).toBe(422)
    const other = await fx.t.json('GET', `${fx.alt.base}/instances/${id}/log`, {
      token: fx.alt.token,
    })
    expect(other.status).toBe(404)
  })
})

describe('limits', () => {
  it('GET /limits: ABSOLUTE from the quotas, then the five rate limits, counting requests', async () => {
    fx = await troveFixture()
    setQuota(fx.t.store, fx.demo.projectId, 'RegionOne', 'instances', 7)
    const res = await fx.t.json('GET', `${fx.demo.base}/limits`, { token: fx.demo.token })
    expect(res.status).toBe(200)
    expect(res.body.limits[0]).toEqual({
      verb: 'ABSOLUTE',
      max_instances: 7,
      max_ram: -1,
      max_backups: 50,
      max_volumes: 500,
    })
    expect(res.body.limits.slice(1)).toEqual([
      {
        nextAvailable: '2026-11-23T03:53:15Z',
        remaining: 200,
        unit: 'MINUTE',
        value: 200,
        verb: 'POST',
        uri: '*',
        regex: '.*',
      },
      expect.objectContaining({ verb: 'PUT', remaining: 200 }),
      expect.objectContaining({ verb: 'DELETE', remaining: 200 }),
      expect.objectContaining({ verb: 'GET', remaining: 199 }),
      expect.objectContaining({ verb: 'POST', uri: '*/mgmt', regex: '^/mgmt', remaining: 200 }),
    ])
    await fx.create(fx.demo, { name: 'x', flavorRef: '2', volume: { size: 2 } })
    const after = await fx.t.json('GET', `${fx.demo.base}/limits`, { token: fx.demo.token })
    expect(after.body.limits[1].remaining).toBe(199)
    expect(after.body.limits[4].remaining).toBe(198)
    // other tenants have their own buckets
    const alt = await fx.t.json('GET', `${fx.alt.base}/limits`, { token: fx.alt.token })
    expect(alt.body.limits[4].remaining).toBe(199)
  })

  it('the leaky bucket leaks and, when enforced, says how long to wait', () => {
    const limiter = createRateLimiter([{ verb: 'GET', uri: '*', regex: '.*', value: 3 }])
    expect(limiter.hit('t', 'GET', '/instances', 0)).toBeNull()
    expect(limiter.hit('t', 'GET', '/instances', 0)).toBeNull()
    expect(limiter.hit('t', 'GET', '/instances', 0)).toBeNull()
    expect(limiter.view('t', 0)[0]!.remaining).toBe(0)
    expect(limiter.hit('t', 'GET', '/instances', 0)).toBe(20)
    expect(limiter.hit('t', 'POST', '/instances', 0)).toBeNull()
    expect(limiter.hit('t', 'GET', '/instances', 20_000)).toBeNull()
    expect(limiter.view('t', 20_000)[0]).toMatchObject({
      remaining: 0,
      nextAvailable: '1970-01-01T00:00:20Z',
    })
  })
})
