import { afterEach, describe, expect, it } from 'vitest'
import { journalPageSchema, stuckListSchema, usualDurationSchema } from '@/api/journal/schemas'
import { troveFixture, type Session } from '../trove/test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
afterEach(() => fx?.t.close())

const journalOf = async (s: Session, query = '') => {
  const res = await fx.t.json('GET', `/console-api/v1/journal${query}`, { token: s.token })
  return { status: res.status, body: res.body as unknown }
}
const entries = async (s: Session, query = '') => {
  const res = await journalOf(s, query)
  expect(res.status).toBe(200)
  return journalPageSchema.parse(res.body).entries
}

describe('operations journal (embedded cloud)', () => {
  it('records who did what: resource, action, redacted body, status, request id', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo, {
      name: 'journaled',
      users: [{ name: 'app', password: 'Sup3r-S3cret-pw' }],
    })
    const restart = await fx.action(fx.demo, id, { restart: {} })
    expect(restart.status).toBe(202)
    const list = await entries(fx.demo, '?type=request')
    expect(list.map((e) => [e.resourceKind, e.action, e.status, e.userName])).toEqual([
      ['instance', 'restart', 202, 'demo'],
      ['instance', 'create', 200, 'demo'],
    ])
    const [restartEntry, create] = list
    expect(restartEntry?.resourceId).toBe(id)
    expect(restartEntry?.requestId).toMatch(/^req-/)
    expect(create?.resourceId).toBe(id)
    expect(create?.projectId).toBe(fx.demo.projectId)
    expect(create?.projectName).toBe('demo')
    expect(create?.region).toBe('RegionOne')
    expect(create?.summary).toMatchObject({
      instance: { name: 'journaled', users: [{ name: 'app', password: '***' }] },
    })
    const dump = JSON.stringify(
      await fx.t.journal.journal.store.query('SELECT * FROM journal_entries'),
    )
    expect(dump).not.toContain('Sup3r-S3cret-pw')
    expect(dump).not.toContain(fx.demo.token)
  })

  it('records transitions with how long the previous status lasted', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    const moves = (await entries(fx.demo, `?type=transition&resource=${id}`)).map((e) => [
      e.fromStatus,
      e.toStatus,
      e.previousMs,
      e.datastore,
    ])
    expect(moves).toEqual([
      ['BUILD', 'ACTIVE', 9000, 'mysql'],
      [null, 'BUILD', null, 'mysql'],
    ])
    const service = await entries(fx.demo, `?kind=service&resource=db1`)
    expect(service.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      ['rebuilding', 'running'],
      [null, 'rebuilding'],
    ])
  })

  it('members see their scoped project only; cross-project reads are refused; admins see all', async () => {
    fx = await troveFixture()
    await fx.create(fx.demo, { name: 'mine', flavorRef: '2', volume: { size: 1 } })
    await fx.create(fx.alt, { name: 'theirs', flavorRef: '2', volume: { size: 1 } })
    const demoNames = (await entries(fx.demo, '?type=request')).map((e) => e.summary)
    expect(JSON.stringify(demoNames)).toContain('mine')
    expect(JSON.stringify(demoNames)).not.toContain('theirs')
    const refused = await journalOf(fx.demo, `?project=${fx.alt.projectId}`)
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual({ message: expect.stringContaining(fx.alt.projectId) })
    const all = await entries(fx.admin, '?type=request')
    expect(new Set(all.map((e) => e.projectId))).toEqual(
      new Set([fx.demo.projectId, fx.alt.projectId]),
    )
    const altOnly = await entries(fx.admin, `?type=request&project=${fx.alt.projectId}`)
    expect(altOnly.map((e) => e.userName)).toEqual(['alt'])
    expect((await fx.t.json('GET', '/console-api/v1/journal')).status).toBe(401)
  })

  it('filters and pages, and refuses a bad query with 400', async () => {
    fx = await troveFixture()
    const id = await fx.active(fx.demo)
    for (let i = 0; i < 3; i++) {
      await fx.action(fx.demo, id, { restart: {} })
      fx.t.advance(3)
    }
    const first = journalPageSchema.parse(
      (await journalOf(fx.demo, '?action=restart&limit=2')).body,
    )
    expect(first.entries).toHaveLength(2)
    expect(first.nextCursor).not.toBeNull()
    const rest = await entries(fx.demo, `?action=restart&limit=2&cursor=${first.nextCursor}`)
    expect(rest).toHaveLength(1)
    expect(await entries(fx.demo, '?actor=alt')).toEqual([])
    expect(await entries(fx.demo, '?status=4xx')).toEqual([])
    expect((await entries(fx.demo, '?status=REBOOT')).length).toBe(3)
    for (const bad of ['?limit=0', '?from=yesterday', '?cursor=abc', '?kind=planet']) {
      const res = await journalOf(fx.demo, bad)
      expect(res.status, bad).toBe(400)
      expect(res.body).toEqual({ message: expect.stringMatching(/^Invalid query/) })
    }
  })

  it('flags a resource in a transitional state longer than usual (stuck detection)', async () => {
    fx = await troveFixture({ stuckFloorMs: 1000 })
    for (let i = 0; i < 3; i++) await fx.active(fx.demo, { name: `quick${i}` })
    const slow = await fx.create(fx.demo, {
      name: 'slowSLOW_BUILD',
      flavorRef: '2',
      volume: { size: 1 },
    })
    const slowId = slow.body.instance.id as string
    fx.t.advance(30)
    const res = await fx.t.json('GET', '/console-api/v1/journal/stuck', { token: fx.demo.token })
    expect(res.status).toBe(200)
    const { stuck } = stuckListSchema.parse(res.body)
    expect(stuck.map((s) => [s.resourceKind, s.resourceId, s.status, s.medianMs, s.forMs])).toEqual(
      [
        ['instance', slowId, 'BUILD', 9000, 30_000],
        ['service', 'slowSLOW_BUILD', 'rebuilding', 9000, 30_000],
      ],
    )
    const alt = await fx.t.json('GET', '/console-api/v1/journal/stuck', { token: fx.alt.token })
    expect(stuckListSchema.parse(alt.body).stuck).toEqual([])
  })

  it('answers how long a status usually lasts (the change preview), or that it has no history', async () => {
    fx = await troveFixture({ stuckFloorMs: 1000 })
    const ask = async (q: string) =>
      fx.t.json('GET', `/console-api/v1/journal/durations${q}`, { token: fx.demo.token })
    const before = usualDurationSchema.parse((await ask('?kind=instance&status=BUILD')).body)
    expect([before.basis, before.medianMs, before.samples]).toEqual(['none', null, 0])
    const built = await fx.active(fx.demo, { name: 'd0' })
    for (let i = 1; i < 3; i++) await fx.active(fx.demo, { name: `d${i}` })
    const shown = await fx.show(fx.demo, built)
    const datastore = (shown.body as { instance: { datastore: { type: string } } }).instance
      .datastore.type
    const own = usualDurationSchema.parse(
      (await ask(`?kind=instance&status=BUILD&datastore=${datastore}`)).body,
    )
    expect([own.basis, own.medianMs, own.p95Ms, own.samples]).toEqual(['datastore', 9000, 9000, 3])
    const other = usualDurationSchema.parse(
      (await ask('?kind=instance&status=BUILD&datastore=nosuchdb')).body,
    )
    expect([other.basis, other.medianMs]).toEqual(['all', 9000])
    for (const bad of ['', '?kind=planet&status=BUILD', '?kind=instance&status=BU%20ILD']) {
      const res = await ask(bad)
      expect(res.status, bad).toBe(400)
      expect(res.body).toEqual({ message: expect.stringMatching(/^Invalid query/) })
    }
    const anon = await fx.t.json(
      'GET',
      '/console-api/v1/journal/durations?kind=instance&status=BUILD',
    )
    expect(anon.status).toBe(401)
  })
})
