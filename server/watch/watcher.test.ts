import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  allProjectsFeedResponseSchema,
  feedResponseSchema,
  type FeedResponse,
} from '../../src/api/feed/schemas'
import { troveFixture } from '../trove/test-fixtures'
import { WatchHub, actionTarget } from './watch-hub'
import { ProjectLocks } from './project-locks'
import type { Viewer } from './viewer-auth'
import {
  Watcher,
  pageIntervalMs,
  pollIntervalMs,
  type TroveReader,
  type WatcherOptions,
} from './watcher'

/**
 * The watcher against the embedded cloud's real Keystone and Trove faces (no Trove mocks): the
 * embedded feed (events), and poll mode (what gateway mode runs) reading the same Trove face.
 */

type Fx = Awaited<ReturnType<typeof troveFixture>>

async function feed(fx: Fx, token: string, query: string) {
  const res = await fx.t.json('GET', `/console-api/v1/feed?${query}`, { token })
  return { status: res.status, body: res.body as unknown, text: JSON.stringify(res.body) }
}

async function parsedFeed(fx: Fx, token: string, query: string): Promise<FeedResponse> {
  const res = await feed(fx, token, query)
  expect(res.status, res.text).toBe(200)
  return feedResponseSchema.parse(res.body)
}

/** The all-projects feed: its rows are Trove's admin views. */
async function parsedAllFeed(fx: Fx, token: string, query: string) {
  const res = await feed(fx, token, `${query}&allProjects=1`)
  expect(res.status, res.text).toBe(200)
  return allProjectsFeedResponseSchema.parse(res.body)
}

/** Lets in-process reads (promises) run. */
async function settle(rounds = 20) {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r))
}

async function until(what: () => boolean | Promise<boolean>, tries = 200) {
  for (let i = 0; i < tries; i++) {
    if (await what()) return
    await settle(2)
  }
  throw new Error('condition never held')
}

/** A poll-mode watcher of project p in region R over a scripted Trove (narrow unit tests). */
function scriptedWatcher(read: TroveReader, extra: Partial<WatcherOptions> = {}): Watcher {
  return new Watcher({
    projectId: 'p',
    region: 'R',
    roles: ['member'],
    base: '/b',
    read,
    locks: new ProjectLocks(),
    mode: 'poll',
    backstopMs: 600_000,
    ...extra,
  })
}

/** Gives admin the admin and member roles in project demo (so both role sets watch it). */
function grantAdminOnDemo(fx: Fx) {
  const db = fx.t.store
  const user = db.prepare("SELECT id FROM users WHERE name = 'admin'").get() as { id: string }
  for (const role of ['admin', 'member']) {
    const r = db.prepare('SELECT id FROM roles WHERE name = ?').get(role) as { id: string }
    db.prepare(
      'INSERT OR IGNORE INTO role_assignments (user_id, project_id, role_id) VALUES (?, ?, ?)',
    ).run(user.id, fx.demo.projectId, r.id)
  }
}

let fx: Fx | undefined
afterEach(() => {
  vi.useRealTimers()
  fx?.t.close()
  fx = undefined
})

describe('embedded feed (change events, no polling)', () => {
  it('serves an admin token every project of the region (allProjects=1), and refuses a member', async () => {
    fx = await troveFixture()
    const demo0 = await fx.active(fx.demo)
    const alt0 = await fx.active(fx.alt)
    const member = await feed(fx, fx.demo.token, 'region=RegionOne&allProjects=1')
    expect(member.status).toBe(403)
    expect(member.text).toContain('admin role')
    expect(fx.t.watch.size).toBe(0) // a refused request starts nothing
    expect((await feed(fx, fx.admin.token, 'region=RegionOne&allProjects=2')).status).toBe(400)

    const first = await parsedAllFeed(fx, fx.admin.token, 'region=RegionOne')
    await until(
      async () => (await parsedAllFeed(fx!, fx!.admin.token, 'region=RegionOne')).warm.length === 2,
    )
    const snap = await parsedAllFeed(fx, fx.admin.token, 'region=RegionOne&snapshot=1')
    const ids = snap.instances?.created?.map((i) => i.id) ?? []
    expect(ids).toEqual(expect.arrayContaining([demo0, alt0]))
    // The admin's own-project feed is another watcher (other rows).
    const own = await parsedFeed(fx, fx.admin.token, 'region=RegionOne&snapshot=1')
    expect(own.instances?.created?.map((i) => i.id) ?? []).not.toContain(demo0)

    // A change in any project reaches the all-projects feed, with the row's project.
    const created = await fx.create(fx.alt, { name: 'allp1', flavorRef: '2', volume: { size: 2 } })
    const id = created.body.instance.id as string
    await settle()
    const d1 = await parsedAllFeed(fx, fx.admin.token, `region=RegionOne&cursor=${first.cursor}`)
    const row = d1.instances?.created?.find((i) => i.id === id)
    expect(row?.status).toBe('BUILD')
    expect(row?.tenant_id).toBe(fx.alt.projectId)
    expect(
      (await fx.t.json('DELETE', `${fx.alt.base}/instances/${alt0}`, { token: fx.alt.token }))
        .status,
    ).toBe(202)
    fx.t.advance(10)
    await settle()
    const d2 = await parsedAllFeed(fx, fx.admin.token, `region=RegionOne&cursor=${d1.cursor}`)
    expect(d2.instances?.deleted).toEqual([alt0])
    expect(d2.instances?.changed?.map((i) => [i.id, i.status])).toEqual([[id, 'ACTIVE']])
  })

  it('serves only what changed since the cursor, a few bytes when nothing did', async () => {
    fx = await troveFixture()
    const id0 = await fx.active(fx.demo)
    const first = await parsedFeed(fx, fx.demo.token, 'region=RegionOne')
    expect(first.reset).toBeUndefined()
    await until(
      async () => (await parsedFeed(fx!, fx!.demo.token, 'region=RegionOne')).warm.length === 2,
    )
    const quiet = await feed(fx, fx.demo.token, `region=RegionOne&cursor=${first.cursor}`)
    expect(quiet.text.length).toBeLessThan(100)
    expect(feedResponseSchema.parse(quiet.body).instances).toBeUndefined()

    const created = await fx.create(fx.demo, { name: 'feed1', flavorRef: '2', volume: { size: 2 } })
    const id = created.body.instance.id as string
    await settle()
    const d1 = await parsedFeed(fx, fx.demo.token, `region=RegionOne&cursor=${first.cursor}`)
    expect(d1.instances?.created?.map((i) => i.id)).toEqual([id])
    expect(d1.instances?.created?.[0]?.status).toBe('BUILD')

    fx.t.advance(10) // the build ends: the engine's tick emits the change
    await settle()
    const d2 = await parsedFeed(fx, fx.demo.token, `region=RegionOne&cursor=${d1.cursor}`)
    expect(d2.instances?.changed?.map((i) => [i.id, i.status])).toEqual([[id, 'ACTIVE']])

    expect(
      (await fx.t.json('DELETE', `${fx.demo.base}/instances/${id0}`, { token: fx.demo.token }))
        .status,
    ).toBe(202)
    fx.t.advance(10)
    await settle()
    const d3 = await parsedFeed(fx, fx.demo.token, `region=RegionOne&cursor=${d2.cursor}`)
    expect(d3.instances?.deleted).toEqual([id0])

    const snap = await parsedFeed(fx, fx.demo.token, 'region=RegionOne&snapshot=1&kinds=instances')
    expect(snap.reset).toBe(true)
    expect(snap.instances?.created?.map((i) => i.id)).toEqual([id])
    expect(snap.backups).toBeUndefined()
  })

  it('answers an unknown cursor with a reset snapshot, and bad input with 400 and nothing changed', async () => {
    fx = await troveFixture()
    await fx.active(fx.demo)
    await parsedFeed(fx, fx.demo.token, 'region=RegionOne')
    await until(
      async () => (await parsedFeed(fx!, fx!.demo.token, 'region=RegionOne')).warm.length === 2,
    )
    const reset = await parsedFeed(fx, fx.demo.token, 'region=RegionOne&cursor=elsewhere.5')
    expect(reset.reset).toBe(true)
    expect(reset.instances?.created).toHaveLength(1)
    for (const q of [
      '',
      'region=RegionOne&cursor=x',
      'region=RegionOne&wait=99',
      'region=RegionOne&kinds=users',
    ]) {
      const res = await feed(fx, fx.demo.token, q)
      expect(res.status, q).toBe(400)
      expect(typeof (res.body as { message: unknown }).message).toBe('string')
    }
    expect((await feed(fx, '', 'region=RegionOne')).status).toBe(401)
    expect((await feed(fx, 'not-a-token', 'region=RegionOne')).status).toBe(401)
    expect((await feed(fx, fx.demo.token, 'region=Nowhere')).status).toBe(404)
  })

  it('serves a viewer only its own project, and never an admin role set’s rows to a member', async () => {
    fx = await troveFixture()
    grantAdminOnDemo(fx)
    const adminOnDemo = await fx.t.login('admin', 'secret', 'demo')
    await fx.active(fx.demo)
    expect(
      (await feed(fx, fx.alt.token, `region=RegionOne&projectId=${fx.demo.projectId}`)).status,
    ).toBe(403)

    await parsedFeed(fx, fx.demo.token, 'region=RegionOne')
    await parsedFeed(fx, adminOnDemo.token, 'region=RegionOne')
    expect(fx.t.watch.size).toBe(2) // one per role set
    await until(async () => {
      const a = await parsedFeed(fx!, adminOnDemo.token, 'region=RegionOne')
      const m = await parsedFeed(fx!, fx!.demo.token, 'region=RegionOne')
      return a.warm.length === 2 && m.warm.length === 2
    })
    const asAdmin = await parsedFeed(fx, adminOnDemo.token, 'region=RegionOne&snapshot=1')
    const asMember = await parsedFeed(fx, fx.demo.token, 'region=RegionOne&snapshot=1')
    // Trove shows an admin the tenant; the member's watcher read with a member's token.
    expect(asAdmin.instances?.created?.[0]?.tenant_id).toBe(fx.demo.projectId)
    expect(asMember.instances?.created?.[0]).not.toHaveProperty('tenant_id')
    // Keystone was asked once per token, not once per request.
    expect(fx.t.watch.auth.validations).toBe(3)
  })

  it('stops when the last viewer leaves, and says so in the server log', async () => {
    fx = await troveFixture()
    const logged: string[] = []
    const hub = new WatchHub({
      self: (p, init) => Promise.resolve(fx!.t.app.request(p, init)),
      mode: 'events',
      changes: fx.t.changes,
      viewerTtlMs: 50,
      tokenNow: () => fx!.t.clock.now(),
      log: (line) => logged.push(line),
    })
    const auth = await hub.auth.validate(fx.demo.token)
    if (!auth.ok) throw new Error(auth.message)
    const found = hub.watcherFor(auth.viewer, 'RegionOne')
    if (!found.ok) throw new Error(found.message)
    found.watcher.touch(auth.viewer)
    expect(hub.size).toBe(1)
    await new Promise((r) => setTimeout(r, 150))
    expect(found.watcher.isStopped).toBe(true)
    expect(hub.size).toBe(0)
    const project = auth.viewer.projectId
    expect(logged).toEqual([
      `watcher started: project ${project} region RegionOne (events mode)`,
      expect.stringMatching(
        new RegExp(
          `^watcher stopped: project ${project} region RegionOne after \\d+ s \\(\\d+ walks, \\d+ walk pages, \\d+ page reads, \\d+ single reads\\)$`,
        ),
      ),
    ])
    hub.close()
  })
})

describe('poll mode (gateway): one watcher reads Trove for everyone', () => {
  it('reads moving rows one by one with backoff, walks only at the backstop, one read in flight', async () => {
    fx = await troveFixture({ taskSpeed: 100 }) // the build lasts ~15 min of cloud time
    const f = fx
    const other = await f.t.login('demo', 'demo', 'demo')
    const id = (await f.create(f.demo, { name: 'slow', flavorRef: '2', volume: { size: 2 } })).body
      .instance.id as string
    const reads: string[] = []
    let inFlight = 0
    let maxInFlight = 0
    const hub = new WatchHub({
      self: async (p, init) => {
        const isTrove = p.startsWith('/trove/')
        if (isTrove) {
          reads.push(p)
          maxInFlight = Math.max(maxInFlight, ++inFlight)
        }
        await new Promise((r) => setTimeout(r, 20)) // a read takes time
        try {
          return await f.t.app.request(p, init)
        } finally {
          if (isTrove) inFlight--
        }
      },
      mode: 'poll',
      backstopMs: 60_000,
      baseMs: 1000,
      viewerTtlMs: 10 * 60_000,
      tokenNow: () => f.t.clock.now(),
    })
    const auth = await hub.auth.validate(f.demo.token)
    const auth2 = await hub.auth.validate(other.token)
    if (!auth.ok || !auth2.ok) throw new Error('auth')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const w = hub.watcherFor(auth.viewer, 'RegionOne')
    if (!w.ok) throw new Error(w.message)
    w.watcher.touch(auth.viewer)
    w.watcher.touch(auth2.viewer) // a second tab: same watcher, no second reader
    expect(hub.size).toBe(1)

    const single = () => reads.filter((p) => p.endsWith(`/instances/${id}`)).length
    const walks = () => reads.filter((p) => p.includes('/instances/detail')).length
    await vi.advanceTimersByTimeAsync(100)
    expect(walks()).toBe(1)
    expect(w.watcher.followedIds()).toEqual([`instances:${id}`])
    await vi.advanceTimersByTimeAsync(10_000)
    // Read as Horizon polls a row it shows, never more: 2.5 s, then 5 s later (7.5 s in), ...
    expect(single()).toBe(2)
    await vi.advanceTimersByTimeAsync(50_000) // 60 s in: 15, 25, 37.5, 52.5 s
    expect(single()).toBe(6)
    expect(walks()).toBe(2) // the backstop, once a minute, not a walk per poll
    const atMinute = single()
    // Horizon's second minute: 70, 90, 112.5 s; the backstop walk's page at 60 s is a read too.
    await vi.advanceTimersByTimeAsync(60_000)
    expect(single() - atMinute).toBeGreaterThanOrEqual(2)
    expect(single() - atMinute).toBeLessThanOrEqual(3)
    for (const w2 of reads) expect(w2.startsWith(f.demo.base)).toBe(true)

    f.t.advance(1000) // the build ends at Trove
    await vi.advanceTimersByTimeAsync(31_000) // at most 30 s apart (Horizon's cap)
    expect(w.watcher.feed.get('instances', id)?.status).toBe('ACTIVE')
    expect(w.watcher.followedIds()).toEqual([])
    const settled = single()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(single()).toBe(settled) // nothing moves: no more single reads
    expect(maxInFlight).toBe(1)
    expect(w.watcher.stats.maxInFlight).toBe(1)
    hub.close()
  })
  it('shows a row created while a walk is under way at once, not at the next walk', async () => {
    fx = await troveFixture({ taskSpeed: 100 })
    const f = fx
    let release: (() => void) | undefined
    let hold = true
    let walkPages = 0
    const hub = new WatchHub({
      self: async (p, init) => {
        if (p.includes('/instances/detail')) walkPages++
        if (hold && p.includes('/instances/detail')) {
          // The walk's page is read now; it answers once the test lets it.
          const answer = await f.t.app.request(p, init)
          await new Promise<void>((r) => (release = r))
          return answer
        }
        return f.t.app.request(p, init)
      },
      mode: 'poll',
      backstopMs: 60_000,
      baseMs: 1000,
      viewerTtlMs: 10 * 60_000,
      tokenNow: () => f.t.clock.now(),
    })
    const auth = await hub.auth.validate(f.demo.token)
    if (!auth.ok) throw new Error('auth')
    const w = hub.watcherFor(auth.viewer, 'RegionOne')
    if (!w.ok) throw new Error(w.message)
    w.watcher.touch(auth.viewer)
    const wait = { timeout: 5000, interval: 20 }
    await vi.waitFor(() => expect(release).toBeDefined(), wait)

    // The walk's page is already read when an instance is created through the console.
    const made = await f.create(f.demo, { name: 'late', flavorRef: '2', volume: { size: 2 } })
    const id = made.body.instance.id as string
    const base = auth.viewer.troveBase.get('RegionOne') ?? ''
    hub.noteAction(auth.viewer, `${base}/instances`, [{ kind: 'instances', id }])
    hold = false
    release?.()
    // The walk ends without it; the action's row is read alone right after (one read at a time),
    // long before the next walk (60 s), and no extra walk is made for it.
    await vi.waitFor(() => expect(w.watcher.feed.get('instances', id)).toBeDefined(), wait)
    expect(walkPages).toBe(1)
    expect(w.watcher.followedIds()).toContain(`instances:${id}`)
    hub.close()
  })
})

describe('poll mode: page reads and actions (gateway)', () => {
  it('reads a page for the moving rows it holds, and follows an action’s row without a walk', async () => {
    fx = await troveFixture({ taskSpeed: 100 })
    const f = fx
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const made = await f.create(f.demo, { name: `p${i}`, flavorRef: '2', volume: { size: 2 } })
      ids.push(made.body.instance.id as string)
    }
    const reads: string[] = []
    const hub = new WatchHub({
      self: async (p, init) => {
        if (p.startsWith('/trove/')) reads.push(p)
        await new Promise((r) => setTimeout(r, 20))
        return f.t.app.request(p, init)
      },
      mode: 'poll',
      backstopMs: 120_000,
      viewerTtlMs: 10 * 60_000,
      tokenNow: () => f.t.clock.now(),
    })
    const auth = await hub.auth.validate(f.demo.token)
    if (!auth.ok) throw new Error('auth')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const w = hub.watcherFor(auth.viewer, 'RegionOne')
    if (!w.ok) throw new Error(w.message)
    w.watcher.touch(auth.viewer)
    const walks = () => reads.filter((p) => /\/instances\/detail\?limit=1000/.test(p)).length
    const pageReads = () => reads.filter((p) => /\/instances\/detail\?limit=5$/.test(p)).length
    const singles = () => reads.filter((p) => ids.some((id) => p.endsWith(`/instances/${id}`)))
    await vi.advanceTimersByTimeAsync(100)
    expect(walks()).toBe(1)
    await vi.advanceTimersByTimeAsync(60_000)
    // Five moving rows on one page: one request reads them all, at the rows' schedule (at most
    // four steps, spread over the five rows: 8 s apart once they are older than 25 s), where the
    // rows one by one would take 30 reads in this minute.
    expect(singles()).toEqual([])
    expect(pageReads()).toBeGreaterThanOrEqual(6)
    expect(pageReads()).toBeLessThanOrEqual(10)
    expect(w.watcher.stats.pageReads).toBe(pageReads())

    // An action issued through the console on one row: that row is read now; no list walk.
    const before = reads.length
    hub.noteAction(
      auth.viewer,
      `${auth.viewer.troveBase.get('RegionOne') ?? ''}/instances/${ids[2] ?? ''}/action`,
    )
    await vi.advanceTimersByTimeAsync(1000)
    expect(
      reads
        .slice(before)
        .some((p) => /\/instances\/detail/.test(p) || p.endsWith(`/instances/${ids[2] ?? ''}`)),
    ).toBe(true)
    expect(walks()).toBe(1)
    hub.close()
  })
})

describe('poll mode: first sighting (scripted Trove, narrow unit)', () => {
  it('counts a row’s schedule from the first walk page that showed it, not from the walk’s end', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t0 = Date.now()
    const ids = ['a', 'b', 'c']
    const row = (id: string) => ({ id, status: 'BUILD', name: id })
    const reads: { path: string; at: number }[] = []
    const read: TroveReader = async (path) => {
      reads.push({ path, at: Date.now() - t0 })
      await new Promise((r) => setTimeout(r, 10_000)) // each read takes 10 s
      const q = new URL(path, 'http://x').searchParams
      if (path.includes('/backups')) return { status: 200, body: { backups: [] } }
      if (path.includes('/instances/detail')) {
        const i = q.has('marker') ? ids.indexOf(q.get('marker') ?? '') + 1 : 0
        const id = ids[i] ?? 'a'
        const links = i < ids.length - 1 ? [{ rel: 'next', href: `/x?limit=1&marker=${id}` }] : []
        return { status: 200, body: { instances: [row(id)], links } }
      }
      return { status: 200, body: { instance: row(path.split('/').pop() ?? '') } }
    }
    const w = scriptedWatcher(read, { pageLimit: 1, viewerTtlMs: 600_000 })
    w.touch({ key: 'k', token: 't', expiresAt: t0 + 3_600_000 } as Viewer)
    await vi.advanceTimersByTimeAsync(70_000)
    const firstSingle = (id: string) => reads.find((r) => r.path === `/b/instances/${id}`)?.at
    // Pages end at 10, 20, 30 s, the backups' at 40 s. At the walk's end c (seen at 30 s) is
    // due 2.5 s later, b (20 s) 7.5 s later, a (10 s: 3 steps into Horizon's schedule) 10 s
    // later: read in that order, one read at a time. Counted from the walk's end, all three
    // would be due at 32.5 s and a read first.
    expect(firstSingle('c')).toBe(40_000)
    expect(firstSingle('b')).toBe(50_000)
    expect(firstSingle('a')).toBe(60_000)
    w.stop()
  })
})

describe('poll mode: a page of moving rows and the backstop walk (scripted Trove, narrow unit)', () => {
  it('keeps the page on its page-read schedule when a walk passes over it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t0 = Date.now()
    // One page of five rows, all moving for good (as the bench's BUILD rows held by Trove).
    const rows = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, status: 'BUILD', name: id }))
    const reads: { path: string; at: number }[] = []
    const read: TroveReader = async (path) => {
      reads.push({ path, at: Date.now() - t0 })
      await new Promise((r) => setTimeout(r, 100))
      if (path.includes('/backups')) return { status: 200, body: { backups: [] } }
      if (path.includes('/instances/detail'))
        return { status: 200, body: { instances: rows, links: [] } }
      return { status: 200, body: { instance: rows[0] } }
    }
    const w = scriptedWatcher(read, { backstopMs: 60_000, viewerTtlMs: 3_600_000 })
    w.touch({ key: 'k', token: 't', expiresAt: t0 + 3_600_000 } as Viewer)
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    // Every read of the page (a walk's or a page read), from the rows' fifth minute on, when
    // their own schedule is 30 s: a walk passing by must not put the next read off to then.
    const pageAt = reads
      .filter((r) => r.path.includes('/instances/detail') && r.at > 4 * 60_000)
      .map((r) => r.at)
    const gaps = pageAt.slice(1).map((at, i) => at - (pageAt[i] ?? 0))
    expect(reads.filter((r) => /\/instances\/[a-e]$/.test(r.path))).toEqual([])
    expect(pageAt.length).toBeGreaterThan(20)
    // Four steps (10 s) spread over five rows as over four: 8 s, plus the read's own time.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(8_200)
    w.stop()
  })
})

describe('poll mode: the backstop of a costly walk (scripted Trove, narrow unit)', () => {
  /** When the instance walks of three settled rows (a page each) started, over `ms`. */
  async function walkStarts(pageMs: number, ms: number): Promise<number[]> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t0 = Date.now()
    const ids = ['a', 'b', 'c']
    const starts: number[] = []
    const read: TroveReader = async (path) => {
      const q = new URL(path, 'http://x').searchParams
      if (path.includes('/instances/detail') && !q.has('marker')) starts.push(Date.now() - t0)
      await new Promise((r) => setTimeout(r, pageMs)) // every page costs the whole project
      if (path.includes('/backups')) return { status: 200, body: { backups: [] } }
      const i = q.has('marker') ? ids.indexOf(q.get('marker') ?? '') + 1 : 0
      const id = ids[i] ?? 'a'
      const links = i < ids.length - 1 ? [{ rel: 'next', href: `/x?limit=1&marker=${id}` }] : []
      return { status: 200, body: { instances: [{ id, status: 'ACTIVE', name: id }], links } }
    }
    const w = scriptedWatcher(read, {
      backstopMs: 60_000,
      pageLimit: 1,
      viewerTtlMs: 3_600_000,
    })
    w.touch({ key: 'k', token: 't', expiresAt: t0 + 3_600_000 } as Viewer)
    await vi.advanceTimersByTimeAsync(ms)
    w.stop()
    return starts
  }

  it('keeps the backstop for a cheap walk, and spaces a costly one to a tenth of Trove’s time, at most 2 backstops', async () => {
    // 3 pages of 100 ms: 60 s after the walk ended.
    expect((await walkStarts(100, 130_000)).slice(0, 3)).toEqual([0, 60_300, 120_600])
    // 3 pages of 3 s (9 s of answers): 90 s after the walk ended (the backups' walk of one
    // page, 3 s, keeps its own 60 s in between), not 60 s.
    expect((await walkStarts(3_000, 250_000)).slice(0, 3)).toEqual([0, 99_000, 198_000])
    // 3 pages of 40 s (120 s of answers, a tenth would be 1,200 s): capped at 120 s.
    expect((await walkStarts(40_000, 900_000)).slice(0, 2)).toEqual([0, 240_000])
  })
})

describe('poll mode: a delete issued through the console (scripted Trove, narrow unit)', () => {
  it('follows the deleted row until the cloud stops listing it, not to the next walk', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t0 = Date.now()
    // As real Trove's backup delete: the backup is listed, settled (COMPLETED), for ~20 s after
    // the 202, then its task manager removes it.
    const goneAt = new Map<string, number>()
    const backup = (id: string) => ({
      id,
      name: id,
      status: 'COMPLETED',
      parent_id: id === 'x2' ? 'x' : null,
    })
    const read: TroveReader = async (path) => {
      await new Promise((r) => setTimeout(r, 100))
      const listed = (id: string) => (goneAt.get(id) ?? Infinity) > Date.now()
      if (path.includes('/instances')) return { status: 200, body: { instances: [], links: [] } }
      if (path.includes('/backups?'))
        return {
          status: 200,
          body: { backups: ['x', 'x2', 'y'].filter(listed).map(backup), links: [] },
        }
      const id = path.split('/').pop() ?? ''
      return listed(id) ? { status: 200, body: { backup: backup(id) } } : { status: 404, body: {} }
    }
    const w = scriptedWatcher(read, { viewerTtlMs: 3_600_000 })
    const viewer = { key: 'k', token: 't', expiresAt: t0 + 3_600_000 } as Viewer
    w.touch(viewer)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(w.feed.get('backups', 'x')).toBeDefined()
    expect(w.feed.get('backups', 'y')).toBeDefined()
    // x is deleted through the console (Trove deletes its incremental x2 with it); y's delete
    // the console only saw as an action on it.
    goneAt.set('x', Date.now() + 20_000)
    goneAt.set('x2', Date.now() + 25_000)
    goneAt.set('y', Date.now() + 20_000)
    w.noteActor(viewer, [{ kind: 'backups', id: 'x', deleted: true }])
    w.noteActor(viewer, [{ kind: 'backups', id: 'y' }])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(w.feed.get('backups', 'x')).toBeUndefined()
    expect(w.feed.get('backups', 'x2')).toBeUndefined()
    // Not followed past its first (settled) read: only the backstop walk (10 min) drops it.
    expect(w.feed.get('backups', 'y')).toBeDefined()
    expect(w.stats.walks).toBe(2)
    w.stop()
  })
})

describe('actionTarget: the row a console action names', () => {
  it('names the row of an action, and marks only the row’s own delete as deleted', () => {
    expect(actionTarget('/instances/i1/action')).toEqual({ kind: 'instances', id: 'i1' })
    expect(actionTarget('/backups/b1', 'DELETE')).toEqual({
      kind: 'backups',
      id: 'b1',
      deleted: true,
    })
    expect(actionTarget('/instances/i1', 'DELETE')).toEqual({
      kind: 'instances',
      id: 'i1',
      deleted: true,
    })
    // A user or database under the instance, or the instance's configuration: not its delete.
    expect(actionTarget('/instances/i1/users/u1', 'DELETE')).toEqual({
      kind: 'instances',
      id: 'i1',
    })
    expect(actionTarget('/instances/i1/configuration', 'DELETE')).toEqual({
      kind: 'instances',
      id: 'i1',
    })
    expect(actionTarget('/instances/detail')).toBeUndefined()
    expect(actionTarget('/instances/%E0%A4%A', 'DELETE')).toBeUndefined()
  })
})

describe('poll mode schedule (gateway, real Trove)', () => {
  it('reads a moving row as Horizon polls a row, counted from its first sighting, capped at 30 s', () => {
    // Horizon's first minute from page load: rows polled at 2.5, 7.5, 15, 25, 37.5, 52.5 s.
    let t = 0
    const at: number[] = []
    while ((t += pollIntervalMs(t, 2500, 30_000)) <= 60_000) at.push(t)
    expect(at).toEqual([2500, 7500, 15_000, 25_000, 37_500, 52_500])
    // A read that lands a little late keeps the schedule.
    expect(pollIntervalMs(2400, 2500, 30_000)).toBe(5000)
    // By age, not by reads: a row seen moving 10 minutes ago is read every 30 s, however often
    // it was read meanwhile (a walk's page, a page read), as a Horizon page open that long.
    expect(pollIntervalMs(600_000, 2500, 30_000)).toBe(30_000)
    expect(pollIntervalMs(165_000, 2500, 30_000)).toBe(30_000)
    expect(pollIntervalMs(100_000, 2500, 30_000)).toBeLessThan(30_000)
  })

  it('reads a page for its moving rows at most four steps apart, spread over its rows', () => {
    // 20 moving rows on a page, each due every 30 s: the page is read every step (2.5 s: 10 s
    // for four rows, over 20); a page read of 3 s is read at most every 12 s.
    expect(pageIntervalMs(30_000, 20, 4, 2500, 3000)).toBe(12_000)
    expect(pageIntervalMs(30_000, 20, 4, 2500, 100)).toBe(2500)
    expect(pageIntervalMs(30_000, 10, 4, 2500, 100)).toBe(4000)
    // Four rows: the row's own interval, at most four steps.
    expect(pageIntervalMs(30_000, 4, 4, 2500, 100)).toBe(10_000)
    expect(pageIntervalMs(7500, 4, 4, 2500, 100)).toBe(7500)
    expect(pageIntervalMs(2500, 40, 4, 2500, 10)).toBe(2500) // never below a step
  })
})

describe('a read answered 401 (gateway: Keystone slow to check the catalog)', () => {
  it('keeps the viewer and the warm feed: the next feed request reads on, no cold restart', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const t0 = Date.now()
    let status = 'BUILD'
    let refuse = false
    const reads: string[] = []
    const read: TroveReader = async (path) => {
      reads.push(path)
      await new Promise((r) => setTimeout(r, 100))
      if (refuse) {
        refuse = false
        return { status: 401, body: { error: { code: 401 } } }
      }
      if (path.includes('/backups')) return { status: 200, body: { backups: [] } }
      const row = { id: 'a', name: 'a', status }
      if (path.includes('/instances/detail')) return { status: 200, body: { instances: [row] } }
      return { status: 200, body: { instance: row } }
    }
    const refused: string[] = []
    const w = scriptedWatcher(read, { onTokenRefused: (k) => refused.push(k) })
    const viewer = { key: 'k', token: 't', expiresAt: t0 + 3_600_000 } as Viewer
    w.touch(viewer)
    await vi.advanceTimersByTimeAsync(1000)
    expect(w.feed.isWarm('instances')).toBe(true)
    const cursor = w.feed.cursor
    // The row's next read (2.5 s after its first sighting) is refused.
    refuse = true
    await vi.advanceTimersByTimeAsync(3000)
    expect(refused).toEqual(['k'])
    expect(w.isStopped).toBe(false)
    const before = reads.length
    await vi.advanceTimersByTimeAsync(10_000)
    // Not read with again until its viewer asks again.
    expect(reads.length).toBe(before)
    // The viewer's next feed request (its token validated anew): the same feed goes on.
    status = 'ACTIVE'
    w.touch(viewer)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(reads.length).toBeGreaterThan(before)
    expect(w.feed.knows(cursor)).toBe(true)
    expect(w.feed.delta(cursor, ['instances']).instances?.changed.map((r) => r.status)).toEqual([
      'ACTIVE',
    ])
    w.stop()
  })
})
