import { afterEach, describe, expect, it } from 'vitest'
import { checkSchema } from './json-schema-check'
import { conformance, dbaasFixture } from './test-fixtures'

type Fx = Awaited<ReturnType<typeof dbaasFixture>>
let fx: Fx | undefined
afterEach(() => fx?.t.close())

describe('the conformance checker', () => {
  it('reports wrong types, enums, missing required and unknown fields', () => {
    expect(conformance('get-operation', { id: 'x', state: 'done', extra: 1 })).toEqual([
      'id: not a uuid',
      'state: "done" is not one of failure, pending, success, timeout',
      'extra: not allowed here',
    ])
    expect(checkSchema({}, { type: 'object', required: ['a'] })).toEqual(['a: required'])
    expect(checkSchema('x', { type: 'integer' })).toEqual(['(root): expected integer, got string'])
  })
})

describe('services', () => {
  it('lists the project’s instances as services; other projects and tokens see nothing', async () => {
    fx = await dbaasFixture()
    await fx.instance('orders-db', 'mysql')
    const list = await fx.api.get('/dbaas-service')
    expect(list.body['dbaas-services']).toEqual([
      expect.objectContaining({
        name: 'orders-db',
        type: 'mysql',
        plan: 'm1.medium',
        state: 'running',
        'node-count': 1,
        'node-cpu-count': 2,
        'node-memory': 4096 * 1024 ** 2,
        'disk-size': 2 * 1024 ** 3,
        'termination-protection': false,
        zone: 'RegionOne',
      }),
    ])
    // MySQL 5.7 (the default version) is past its end of life.
    expect(list.body['dbaas-services'][0].notifications[0]).toMatchObject({
      type: 'service_end_of_life',
      level: 'warning',
    })
    expect((await fx.altApi.get('/dbaas-service')).body['dbaas-services']).toEqual([])
    expect((await fx.altApi.post('/dbaas-service-logs/orders-db', {})).status).toBe(404)
    const anon = await fx.t.json('GET', '/dbaas/RegionOne/v2/dbaas-service')
    expect(anon.status).toBe(401)
    expect(anon.body).toEqual({ message: expect.any(String) })
    expect((await fx.apiFor(fx.demo.token, 'Nowhere').get('/dbaas-service')).status).toBe(404)
  })

  it('a name shared by several instances means the newest one', async () => {
    fx = await dbaasFixture()
    await fx.instance('twin', 'mysql')
    await fx.instance('twin', 'postgresql')
    const list = (await fx.api.get('/dbaas-service')).body['dbaas-services']
    expect(list).toHaveLength(1)
    expect(list[0].type).toBe('pg')
  })

  it('refuses deletion while termination protection is on, then deletes', async () => {
    fx = await dbaasFixture()
    await fx.instance('keep-me', 'postgresql')
    const on = await fx.api.put('/dbaas-postgres/keep-me', { 'termination-protection': true })
    expect(on.status).toBe(200)
    const refused = await fx.api.del('/dbaas-service/keep-me')
    expect(refused.status).toBe(403)
    expect(refused.body.message).toMatch(/termination protection/)
    await fx.api.put('/dbaas-postgres/keep-me', { 'termination-protection': false })
    const op = await fx.api.del('/dbaas-service/keep-me')
    expect(op.body).toMatchObject({ state: 'pending', reference: { id: 'keep-me' } })
    fx.t.advance(10)
    expect((await fx.api.get(`/operation/${op.body.id}`)).body.state).toBe('success')
    expect((await fx.api.get('/dbaas-service')).body['dbaas-services']).toEqual([])
  })

  it('validates bodies and names with a message', async () => {
    fx = await dbaasFixture()
    await fx.instance('v', 'mysql')
    const cases: [string, string, unknown][] = [
      ['/dbaas-service-logs/v', 'limit', { limit: 0 }],
      ['/dbaas-service-logs/v', 'limit', { limit: 501 }],
      ['/dbaas-service-logs/v', 'sort-order', { 'sort-order': 'up' }],
      ['/dbaas-service-metrics/v', 'period', { period: 'decade' }],
      ['/dbaas-integration', 'integration-type', { 'source-service': 'v', 'dest-service': 'v' }],
      [
        '/dbaas-integration',
        'source-service',
        {
          'integration-type': 'metrics',
          'source-service': 'x'.repeat(64),
          'dest-service': 'v',
        },
      ],
      ['/dbaas-task-migration-check/v', 'source-service-uri', {}],
      ['/dbaas-task-migration-check/v', 'source-service-uri', { 'source-service-uri': 'ftp://x' }],
    ]
    for (const [path, field, body] of cases) {
      const res = await fx.api.post(path, body)
      expect(res.status, path).toBe(400)
      expect(res.body.message, JSON.stringify(body)).toContain(field)
    }
    expect((await fx.api.post(`/dbaas-service-logs/${'n'.repeat(64)}`, {})).status).toBe(400)
    expect((await fx.api.get('/dbaas-integration/not-a-uuid')).status).toBe(400)
  })
})

describe('metrics', () => {
  it('has the documented step per period, one column per node, reproducible values', async () => {
    fx = await dbaasFixture()
    await fx.instance('m', 'mysql')
    fx.t.advance(7200)
    const steps = { hour: 30, day: 300, week: 1800, month: 10800, year: 86400 }
    for (const [period, step] of Object.entries(steps)) {
      const a = await fx.api.post('/dbaas-service-metrics/m', { period })
      const b = await fx.api.post('/dbaas-service-metrics/m', { period })
      expect(a.body).toEqual(b.body)
      const cpu = a.body.metrics.cpu_usage
      expect(cpu.hints.title).toBe('CPU usage %')
      expect(cpu.data.cols).toEqual([
        { type: 'date', label: 'time' },
        { type: 'number', label: 'm-1 (master)' },
      ])
      const rows = cpu.data.rows as [string, number][]
      expect(rows.length).toBeGreaterThan(0)
      if (rows.length > 1) {
        expect(Date.parse(rows[1]![0]) - Date.parse(rows[0]![0])).toBe(step * 1000)
      }
      expect(Object.keys(a.body.metrics).sort()).toEqual([
        'cpu_usage',
        'disk_usage',
        'diskio_read',
        'diskio_writes',
        'load_average',
        'mem_available',
        'mem_usage',
        'net_receive',
        'net_send',
      ])
    }
    const hour = (await fx.api.post('/dbaas-service-metrics/m', {})).body.metrics
    expect(hour.cpu_usage.data.rows).toHaveLength(120)
  })

  it('a backup shows in CPU and disk reads', async () => {
    fx = await dbaasFixture()
    const id = await fx.instance('b', 'mysql')
    fx.t.advance(1800)
    const before = (await fx.api.post('/dbaas-service-metrics/b', {})).body.metrics
    const res = await fx.t.json('POST', `${fx.t.troveBase(fx.demo.projectId)}/backups`, {
      token: fx.demo.token,
      body: { backup: { name: 'nightly', instance: id } },
    })
    expect(res.status).toBe(202)
    fx.t.advance(60)
    const after = (await fx.api.post('/dbaas-service-metrics/b', {})).body.metrics
    const max = (rows: [string, number][]) => Math.max(...rows.slice(-4).map((r) => r[1]))
    expect(max(after.diskio_read.data.rows)).toBeGreaterThan(
      max(before.diskio_read.data.rows) + 100,
    )
    expect(max(after.cpu_usage.data.rows)).toBeGreaterThan(max(before.cpu_usage.data.rows))
  })
})

describe('logs', () => {
  it('pages back and forth with the same lines', async () => {
    fx = await dbaasFixture()
    await fx.instance('l', 'postgresql')
    fx.t.advance(3600)
    const first = (await fx.api.post('/dbaas-service-logs/l', { limit: 20 })).body
    expect(first.logs).toHaveLength(20)
    expect(first.logs[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    const times = first.logs.map((l: { time: string }) => l.time)
    expect([...times].sort().reverse()).toEqual(times)
    const older = (await fx.api.post('/dbaas-service-logs/l', { limit: 20, offset: first.offset }))
      .body
    expect(older.logs[0].time <= first.logs[19].time).toBe(true)
    // Forward from the older page's last line: the older page again, then the first page.
    const forward = (
      await fx.api.post('/dbaas-service-logs/l', {
        limit: 39,
        offset: older.offset,
        'sort-order': 'asc',
      })
    ).body
    expect(forward.logs.slice().reverse()).toEqual([...first.logs, ...older.logs.slice(0, 19)])
    const again = (await fx.api.post('/dbaas-service-logs/l', { limit: 20, offset: first.offset }))
      .body
    expect(again).toEqual(older)
  })

  it('a restart shows up in the tail', async () => {
    fx = await dbaasFixture()
    const id = await fx.instance('r', 'mysql')
    fx.t.advance(120)
    const tail = (await fx.api.post('/dbaas-service-logs/r', { limit: 5, 'sort-order': 'asc' }))
      .body
    await fx.t.json('POST', `${fx.t.troveBase(fx.demo.projectId)}/instances/${id}/action`, {
      token: fx.demo.token,
      body: { restart: {} },
    })
    fx.t.advance(5)
    const next = (
      await fx.api.post('/dbaas-service-logs/r', { offset: tail.offset, 'sort-order': 'asc' })
    ).body
    const messages = next.logs.map((l: { message: string }) => l.message)
    expect(messages.some((m: string) => m.startsWith('Restart requested.'))).toBe(true)
    expect(messages.some((m: string) => m.includes('ready for connections'))).toBe(true)
  })
})

describe('logs filter (console extension)', () => {
  it('searches the whole log on the server, pages the matches and keeps the sort order', async () => {
    fx = await dbaasFixture()
    await fx.instance('f', 'postgresql')
    fx.t.advance(6 * 3600)
    // The one "created" event line sits hours back: far beyond the first pages of the log.
    const plain = (await fx.api.post('/dbaas-service-logs/f', { limit: 50 })).body
    const has = (logs: { message: string }[], text: string) =>
      logs.some((l) => l.message.toLowerCase().includes(text))
    expect(has(plain.logs, 'checkpoint complete')).toBe(true)
    const hits = (
      await fx.api.post('/dbaas-service-logs/f', { limit: 5, filter: 'CHECKPOINT complete' })
    ).body
    expect(hits.logs).toHaveLength(5)
    expect(
      hits.logs.every((l: { message: string }) => l.message.includes('checkpoint complete')),
    ).toBe(true)
    const next = (
      await fx.api.post('/dbaas-service-logs/f', {
        limit: 5,
        filter: 'checkpoint complete',
        offset: hits.offset,
      })
    ).body
    expect(next.logs).toHaveLength(5)
    expect(next.logs[0].time < hits.logs[4].time).toBe(true)
    const asc = (
      await fx.api.post('/dbaas-service-logs/f', {
        limit: 5,
        filter: 'checkpoint complete',
        'sort-order': 'asc',
        offset: next.offset,
      })
    ).body
    expect(asc.logs.map((l: { time: string }) => l.time)).toEqual(
      [...next.logs]
        .reverse()
        .slice(1)
        .map((l: { time: string }) => l.time)
        .concat(hits.logs.slice(-1).map((l: { time: string }) => l.time)),
    )
    const none = (await fx.api.post('/dbaas-service-logs/f', { filter: 'no such text anywhere' }))
      .body
    expect(none.logs).toEqual([])
    const tooLong = await fx.api.post('/dbaas-service-logs/f', { filter: 'x'.repeat(201) })
    expect(tooLong.status).toBe(400)
  })
})

describe('integrations and migration', () => {
  it('creates, updates and deletes an integration; settings follow the schema', async () => {
    fx = await dbaasFixture()
    await fx.instance('src', 'mysql')
    await fx.instance('dst', 'postgresql')
    const bad = await fx.api.post('/dbaas-integration', {
      'integration-type': 'metrics',
      'source-service': 'src',
      'dest-service': 'dst',
      settings: { retention_days: -1 },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('retention_days')
    const wrongDest = await fx.api.post('/dbaas-integration', {
      'integration-type': 'logs',
      'source-service': 'src',
      'dest-service': 'dst',
    })
    expect(wrongDest.status).toBe(400)
    const op = await fx.api.post('/dbaas-integration', {
      'integration-type': 'metrics',
      'source-service': 'src',
      'dest-service': 'dst',
      settings: { database: 'metrics' },
    })
    expect(op.body.state).toBe('pending')
    fx.t.advance(5)
    expect((await fx.api.get(`/operation/${op.body.id}`)).body.state).toBe('success')
    const got = await fx.api.get(`/dbaas-integration/${op.body.reference.id}`)
    expect(got.body).toMatchObject({
      type: 'metrics',
      source: 'src',
      dest: 'dst',
      'is-active': true,
    })
    const dup = await fx.api.post('/dbaas-integration', {
      'integration-type': 'metrics',
      'source-service': 'src',
      'dest-service': 'dst',
    })
    expect(dup.status).toBe(409)
    await fx.api.del(`/dbaas-integration/${op.body.reference.id}`)
    expect((await fx.api.get(`/dbaas-integration/${op.body.reference.id}`)).status).toBe(404)
  })

  it('a migration check that fails, and one that succeeds and migrates each database', async () => {
    fx = await dbaasFixture()
    await fx.instance('target', 'mysql')
    const bad = await fx.api.post('/dbaas-task-migration-check/target', {
      'source-service-uri': 'mysql://admin:x@unreachable.example.com:3306/shop',
    })
    fx.t.advance(10)
    const failed = await fx.api.get(`/dbaas-task/target/${bad.body.reference.id}`)
    expect(failed.body).toMatchObject({
      success: false,
      result: expect.stringContaining('refused'),
    })
    const ok = await fx.api.post('/dbaas-task-migration-check/target', {
      'source-service-uri': 'mysql://admin:x@legacy.example.com:3306/shop,crm',
      'ignore-dbs': 'crm',
    })
    const pending = await fx.api.get(`/dbaas-task/target/${ok.body.reference.id}`)
    expect(pending.body.success).toBeUndefined()
    fx.t.advance(9)
    const done = await fx.api.get(`/dbaas-task/target/${ok.body.reference.id}`)
    expect(done.body).toMatchObject({ success: true, 'result-codes': [{ dbname: 'shop' }] })
    const running = await fx.api.get('/dbaas-migration-status/target')
    expect(running.body).toMatchObject({
      status: 'running',
      details: [{ dbname: 'shop', status: 'running' }],
    })
    fx.t.advance(10)
    const finished = await fx.api.get('/dbaas-migration-status/target')
    expect(finished.body).toMatchObject({ status: 'done', method: 'dump' })
  })
})
