import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ManualClock } from './clock'
import { createTestCloud, type JsonBody } from '../testing'
import { createCloud } from '../app'
import { eventsFor } from '../store/task-queries'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('engine', () => {
  it('resumes tasks after a restart: due ones finish at once, nothing lost or repeated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dbaas-engine-'))
    dirs.push(dir)
    const dbPath = join(dir, 'cloud.db')
    const clock = new ManualClock()
    let t = createTestCloud({ dbPath, clock, tokenTtl: 86_400 })
    const demo = await t.login('demo', 'demo', 'demo')
    const base = t.troveBase(demo.projectId)
    const create = (name: string) =>
      t.json('POST', `${base}/instances`, {
        token: demo.token,
        body: { instance: { name, flavorRef: '1', volume: { size: 1 } } },
      })
    const a = (await create('a')).body.instance.id
    const b = (await create('b-GUEST_ERROR')).body.instance.id
    await t.close()

    clock.advance(3_600_000) // an hour with the server down
    t = createTestCloud({ dbPath, clock, tokenTtl: 86_400 })
    const shown = async (id: string) =>
      (await t.json('GET', `${base}/instances/${id}`, { token: demo.token })).body.instance
    expect(await shown(a)).toMatchObject({
      status: 'ACTIVE',
      operating_status: 'HEALTHY',
      updated: '2026-11-23T03:53:24',
    })
    expect(await shown(b)).toMatchObject({
      status: 'ERROR',
      fault: { message: 'Service not active, status: failed to spawn' },
    })
    expect(eventsFor(t.store, a).map((e) => e.to_status)).toEqual(['BUILD', 'BUILD', 'ACTIVE'])
    expect((t.store.prepare('SELECT COUNT(*) AS n FROM tasks').get() as { n: number }).n).toBe(0)

    // a task in flight across a restart keeps its due time
    expect(
      (
        await t.json('POST', `${base}/instances/${a}/action`, {
          token: demo.token,
          body: { restart: {} },
        })
      ).status,
    ).toBe(202)
    await t.close()
    clock.advance(1000)
    t = createTestCloud({ dbPath, clock, tokenTtl: 86_400 })
    expect((await shown(a)).status).toBe('REBOOT')
    t.advance(1)
    expect((await shown(a)).status).toBe('ACTIVE')
    expect(eventsFor(t.store, a).filter((e) => e.message === 'Restart complete.')).toHaveLength(1)
    await t.close()
  })

  it('scales durations with the task speed', async () => {
    const t = createTestCloud({ taskSpeed: 0.1 })
    const demo = await t.login('demo', 'demo', 'demo')
    const base = t.troveBase(demo.projectId)
    const id = (
      await t.json('POST', `${base}/instances`, {
        token: demo.token,
        body: { instance: { name: 'f', flavorRef: '1', volume: { size: 1 } } },
      })
    ).body.instance.id
    t.advance(0.85)
    expect(
      (await t.json('GET', `${base}/instances/${id}`, { token: demo.token })).body.instance.status,
    ).toBe('BUILD')
    t.advance(0.1)
    expect(
      (await t.json('GET', `${base}/instances/${id}`, { token: demo.token })).body.instance.status,
    ).toBe('ACTIVE')
    await t.close()
  })

  it('runs on its own ticker with the system clock', async () => {
    const cloud = createCloud({ dbPath: ':memory:', taskSpeed: 0.01 })
    try {
      const call = async (method: string, path: string, token?: string, body?: unknown) => {
        const res = await cloud.app.request(path, {
          method,
          headers: {
            'Content-Type': 'application/json',
            ...(token ? { 'X-Auth-Token': token } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        return { res, body: (await res.json()) as JsonBody }
      }
      const login = await call('POST', '/v3/auth/tokens', undefined, {
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: 'demo', domain: { id: 'default' }, password: 'demo' } },
          },
          scope: { project: { name: 'demo', domain: { id: 'default' } } },
        },
      })
      const token = login.res.headers.get('x-subject-token')!
      const base = `/trove/RegionOne/v1.0/${login.body.token.project.id}`
      const created = await call('POST', `${base}/instances`, token, {
        instance: { name: 't', flavorRef: '1', volume: { size: 1 } },
      })
      const id = created.body.instance.id
      const deadline = Date.now() + 3000
      let status = 'BUILD'
      while (status !== 'ACTIVE' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50))
        status =
          cloud.store.prepare('SELECT task_status FROM instances WHERE id = ?').pluck().get(id) ===
          'NONE'
            ? 'ACTIVE'
            : 'BUILD'
      }
      expect(status).toBe('ACTIVE')
    } finally {
      cloud.close()
    }
  })
})
