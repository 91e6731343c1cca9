import { afterEach, describe, expect, it, vi } from 'vitest'
import { openSqliteStateStore } from '../console-state/sqlite-state-store'
import { watchedTransition } from '../journal/gateway-journal'
import { createJournal } from '../journal/journal'
import { ProjectLocks } from './project-locks'
import type { Viewer } from './viewer-auth'
import { Watcher, type TroveRead, type WatchedTransition } from './watcher'

/**
 * Gateway mode: the project watcher tells the journal every status change it sees between two
 * reads (a fake Trove upstream here; the watcher's reads are covered in watcher.test.ts).
 */

type Row = { id: string; name: string; status: string; datastore?: { type: string } }

function fakeTrove() {
  const instances = new Map<string, Row>()
  const backups = new Map<string, Row>()
  const read = (path: string): Promise<TroveRead> => {
    const [, rest = ''] = path.split('/v1.0/p1')
    const [kind, id] = rest.split('?')[0]?.split('/').filter(Boolean) ?? []
    const table = kind === 'instances' ? instances : backups
    if (id === 'detail' || id === undefined) {
      const list = [...table.values()].map((r) => ({ ...r }))
      return Promise.resolve({ status: 200, body: { [kind ?? '']: list, links: [] } })
    }
    const row = table.get(id)
    if (!row) return Promise.resolve({ status: 404, body: { itemNotFound: { code: 404 } } })
    return Promise.resolve({
      status: 200,
      body: { [kind === 'instances' ? 'instance' : 'backup']: { ...row } },
    })
  }
  return { instances, backups, read }
}

const viewer = (roles: string[]): Viewer => ({
  key: roles.join(','),
  token: `t-${roles.join(',')}`,
  userId: 'u1',
  projectId: 'p1',
  roles,
  expiresAt: Date.now() + 3_600_000,
  troveBase: new Map([['R1', '/gw/e1/v1.0/p1']]),
})

afterEach(() => {
  vi.useRealTimers()
})

describe('gateway watcher → journal transitions', () => {
  it('records what changed between reads (single reads, walks, deletions), once for two role sets', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'Date'] })
    const trove = fakeTrove()
    trove.instances.set('i1', {
      id: 'i1',
      name: 'db1',
      status: 'BUILD',
      datastore: { type: 'mysql' },
    })
    trove.instances.set('i2', { id: 'i2', name: 'db2', status: 'ACTIVE' })
    trove.backups.set('b1', { id: 'b1', name: 'nightly', status: 'NEW' })
    const seen: WatchedTransition[] = []
    const store = openSqliteStateStore(':memory:')
    const journal = createJournal(store)
    const locks = new ProjectLocks()
    const watchers = [['member'], ['admin', 'member']].map((roles) => {
      const w = new Watcher({
        projectId: 'p1',
        region: 'R1',
        roles,
        base: '/gw/e1/v1.0/p1',
        read: (path) => trove.read(path),
        locks,
        mode: 'poll',
        backstopMs: 60_000,
        baseMs: 1000,
        viewerTtlMs: 10 * 60_000,
        onTransition: (t) => {
          seen.push(t)
          journal.recordTransition(watchedTransition(t))
        },
      })
      w.touch(viewer(roles))
      return w
    })
    await vi.advanceTimersByTimeAsync(100)
    expect(seen).toEqual([]) // the first walk is a baseline, not a change

    trove.instances.set('i1', { ...trove.instances.get('i1')!, status: 'ACTIVE' })
    trove.backups.set('b1', { id: 'b1', name: 'nightly', status: 'COMPLETED' })
    await vi.advanceTimersByTimeAsync(2000) // moving rows are read one by one
    trove.instances.delete('i2')
    await vi.advanceTimersByTimeAsync(61_000) // the backstop walk finds i2 gone

    const moves = (w: string) =>
      seen.filter((t) => t.id === w).map((t) => [t.kind, t.from, t.to, t.name, t.datastore])
    expect(moves('i1')).toEqual([
      ['instances', 'BUILD', 'ACTIVE', 'db1', 'mysql'],
      ['instances', 'BUILD', 'ACTIVE', 'db1', 'mysql'], // both role sets saw it
    ])
    expect(moves('b1')[0]).toEqual(['backups', 'NEW', 'COMPLETED', 'nightly', null])
    expect(moves('i2')[0]).toEqual(['instances', 'ACTIVE', 'DELETED', 'db2', null])

    await journal.flush()
    const rows = await store.query<{
      resource_id: string
      from_status: string
      to_status: string
      source: string
    }>(
      "SELECT resource_id, from_status, to_status, source FROM journal_entries WHERE kind = 'transition' ORDER BY id",
    )
    // Recorded once each, whichever watcher saw the change first.
    expect(rows.map((r) => [r.resource_id, r.from_status, r.to_status, r.source]).sort()).toEqual([
      ['b1', 'NEW', 'COMPLETED', 'watcher'],
      ['i1', 'BUILD', 'ACTIVE', 'watcher'],
      ['i2', 'ACTIVE', 'DELETED', 'watcher'],
    ])
    for (const w of watchers) w.stop()
    await store.close()
  })
})
