import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/errors'
import type { FeedResponse } from '@/api/feed/schemas'
import type { Instance } from '@/api/instances/schemas'
import type { Backup } from '@/api/backups/schemas'
import {
  applyDelta,
  feedUnavailable,
  instanceLikeOf,
  pictureOf,
  type RegionFeed,
} from './wall-feed'
import { ADMIN_VIEW_RETRY_MS, wantsAllProjects, type WallFeedState } from './fetch-snapshot'

const row = (id: string, status = 'ACTIVE', over: Partial<Instance> = {}): Instance => ({
  id,
  name: `n-${id}`,
  status,
  flavor: { id: '1' },
  datastore: { type: 'mysql', version: '8.0' },
  ...over,
})
const backup = (id: string, status: string): Backup => ({
  id,
  name: `b-${id}`,
  status,
  created: '2026-12-05T10:00:00',
  updated: '2026-12-05T10:00:00',
  instance_id: 'i1',
})

const picture = (): RegionFeed => {
  const p = pictureOf(
    {
      cursor: 'e.1',
      reset: true,
      warm: ['instances', 'backups'],
      instances: { created: [row('a'), row('b', 'BUILD')] },
      backups: { created: [backup('x', 'NEW'), backup('y', 'COMPLETED')] },
    },
    'RegionOne',
    new Map(),
  )
  if (!p) throw new Error('no picture')
  return p
}

describe('pictureOf', () => {
  it('holds every instance and only the running backups of a warm snapshot', () => {
    const p = picture()
    expect([...p.instances.keys()]).toEqual(['a', 'b'])
    expect([...p.backups.keys()]).toEqual(['x'])
    expect(p.backups.get('x')).toMatchObject({ region: 'RegionOne', instanceId: 'i1' })
    expect(p).toMatchObject({ cursor: 'e.1', fromWatcher: true })
  })

  it('gives nothing while the watcher is cold, and keeps the backups it has when they are', () => {
    const cold: FeedResponse = { cursor: 'e.0', reset: true, warm: [] }
    expect(pictureOf(cold, 'RegionOne', new Map())).toBeUndefined()
    const kept = picture().backups
    const p = pictureOf(
      { cursor: 'e.2', reset: true, warm: ['instances'], instances: { created: [row('c')] } },
      'RegionOne',
      kept,
    )
    expect(p?.backups).toBe(kept)
    expect([...(p?.instances.keys() ?? [])]).toEqual(['c'])
  })
})

describe('applyDelta', () => {
  it('a quiet answer keeps the same picture (only the cursor moves)', () => {
    const p = picture()
    const same = applyDelta(p, { cursor: 'e.1', warm: ['instances', 'backups'] }, 'RegionOne')
    expect(same).toEqual({ feed: p, changed: false })
    const moved = applyDelta(p, { cursor: 'e.9', warm: ['instances', 'backups'] }, 'RegionOne')
    expect(moved.changed).toBe(false)
    expect(moved.feed.instances).toBe(p.instances)
    expect(moved.feed.cursor).toBe('e.9')
  })

  it('writes created, changed and deleted rows into new maps, leaving the old picture as it was', () => {
    const p = picture()
    const { feed, changed } = applyDelta(
      p,
      {
        cursor: 'e.5',
        warm: ['instances', 'backups'],
        instances: { created: [row('c', 'BUILD')], changed: [row('b')], deleted: ['a'] },
        backups: { changed: [backup('x', 'COMPLETED'), backup('z', 'BUILDING')] },
      },
      'RegionOne',
    )
    expect(changed).toBe(true)
    expect([...feed.instances.values()].map((i) => [i.id, i.status])).toEqual([
      ['b', 'ACTIVE'],
      ['c', 'BUILD'],
    ])
    // A backup that finished leaves the wall; one that started joins it.
    expect([...feed.backups.keys()]).toEqual(['z'])
    expect([...p.instances.keys()]).toEqual(['a', 'b'])
    expect([...p.backups.keys()]).toEqual(['x'])
  })
})

describe('instanceLikeOf', () => {
  it('reads an admin row (tenant, null datastore of a deleted instance)', () => {
    const i = instanceLikeOf({
      ...row('a', 'ERROR', { tenant_id: 'p2' }),
      datastore: { type: null, version: null },
      fault: { message: 'boom', created: null },
    })
    expect(i).toMatchObject({ tenant_id: 'p2', datastore: undefined, fault: { message: 'boom' } })
  })
})

describe('feedUnavailable', () => {
  const err = (status: number, kind: ConstructorParameters<typeof ApiError>[0]['kind']) =>
    new ApiError({ status, kind, message: 'x' })
  it('falls back to the lists only when the feed refuses this wall, not on an outage or a dead token', () => {
    expect(feedUnavailable(err(404, 'not-found'))).toBe(true)
    expect(feedUnavailable(err(403, 'forbidden'))).toBe(true)
    expect(feedUnavailable(err(0, 'network'))).toBe(false)
    expect(feedUnavailable(err(503, 'server'))).toBe(false)
    expect(feedUnavailable(err(401, 'session-expired'))).toBe(false)
    expect(feedUnavailable(new Error('x'))).toBe(false)
  })
})

describe('wantsAllProjects', () => {
  const state = (allProjects: boolean, refusedAt?: number): WallFeedState => ({
    allProjects,
    notice: undefined,
    refusedAt,
    regions: new Map(),
  })
  it('asks for the admin view on an admin wall only, and again some minutes after a refusal', () => {
    expect(wantsAllProjects(undefined, false, 0)).toBe(false)
    expect(wantsAllProjects(undefined, true, 0)).toBe(true)
    expect(wantsAllProjects(state(true), true, 0)).toBe(true)
    expect(wantsAllProjects(state(true), false, 0)).toBe(false) // the role is gone
    const refused = state(false, 1_000)
    expect(wantsAllProjects(refused, true, 1_000 + ADMIN_VIEW_RETRY_MS - 1)).toBe(false)
    expect(wantsAllProjects(refused, true, 1_000 + ADMIN_VIEW_RETRY_MS)).toBe(true)
  })
})
