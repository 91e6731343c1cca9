import { describe, expect, it } from 'vitest'
import { feedResponseSchema } from '@/api/feed/schemas'
import { FeedLog, SNAPSHOT_BLOCK_ROWS } from './feed-log'

const row = (id: string, status: string) => ({
  id,
  name: `db-${id}`,
  status,
  links: [{ href: `http://x/instances/${id}`, rel: 'self' }],
  flavor: { id: '1', links: [{ href: 'http://x/flavors/1', rel: 'self' }] },
  datastore: { type: 'mysql', version: '8.0' },
  volume: { size: 2 },
})

describe('FeedLog.snapshotBytes', () => {
  it('is the feed answer with every row, links left out, cached until the next change', () => {
    const log = new FeedLog()
    log.replaceAll('instances', [row('a', 'ACTIVE'), row('b', 'BUILD')])
    const head = () => ({ cursor: log.cursor, reset: true, warm: log.warm() })
    const first = log.snapshotJson(['instances'], head())
    const parsed = feedResponseSchema.parse(JSON.parse(first))
    expect(parsed.reset).toBe(true)
    expect(parsed.instances?.created?.map((r) => [r.id, r.status])).toEqual([
      ['a', 'ACTIVE'],
      ['b', 'BUILD'],
    ])
    expect(first).not.toContain('links')
    expect(JSON.parse(first)).toEqual({
      ...head(),
      instances: {
        created: [row('a', 'ACTIVE'), row('b', 'BUILD')].map(({ links: _l, flavor, ...r }) => ({
          ...r,
          flavor: { id: flavor.id },
        })),
      },
    })
    // The same parts while nothing changed: built once, compressed once (feed-snapshot.ts).
    const parts = log.snapshotParts(['instances'], head())
    expect(Buffer.concat(parts).toString('utf8')).toBe(first)
    expect(log.snapshotParts(['instances'], head())).toBe(parts)

    log.upsert('instances', row('b', 'ACTIVE'))
    const next = feedResponseSchema.parse(JSON.parse(log.snapshotJson(['instances'], head())))
    expect(next.cursor).not.toBe(parsed.cursor)
    expect(next.instances?.created?.map((r) => r.status)).toEqual(['ACTIVE', 'ACTIVE'])
    expect(log.snapshotParts(['instances'], head())).not.toBe(parts)
    // Both kinds, one warm with no rows: still one JSON answer.
    log.replaceAll('backups', [])
    const both = feedResponseSchema.parse(
      JSON.parse(log.snapshotJson(['instances', 'backups'], head())),
    )
    expect(both.instances?.created).toHaveLength(2)
    expect(both.backups).toEqual({ created: [] })
    // Text outside ASCII survives the byte-level assembly.
    log.upsert('instances', { ...row('c', 'ACTIVE'), name: 'bāse-数据' })
    const names = feedResponseSchema
      .parse(JSON.parse(log.snapshotJson(['instances'], head())))
      .instances?.created?.map((r) => r.name)
    expect(names).toContain('bāse-数据')
    // A kind not walked yet carries no rows (the reader walks the list itself).
    expect(JSON.parse(new FeedLog().snapshotJson(['backups'], head()))).toEqual(head())
  })
})

describe('FeedLog.snapshotParts in blocks', () => {
  const ids = (log: FeedLog) =>
    feedResponseSchema
      .parse(JSON.parse(log.snapshotJson(['instances'], { cursor: log.cursor, warm: log.warm() })))
      .instances?.created?.map((r) => r.id)

  it('a change makes only its block again; deletes and new rows keep the snapshot whole', () => {
    const log = new FeedLog()
    const n = SNAPSHOT_BLOCK_ROWS * 3 + 10
    const all = Array.from({ length: n }, (_, i) => `i${i}`)
    log.replaceAll(
      'instances',
      all.map((id) => row(id, 'ACTIVE')),
    )
    expect(ids(log)).toEqual(all)
    const before = log.snapshotParts(['instances'], { cursor: log.cursor, warm: log.warm() })

    log.upsert('instances', row(`i${SNAPSHOT_BLOCK_ROWS + 1}`, 'REBOOT'))
    const after = log.snapshotParts(['instances'], { cursor: log.cursor, warm: log.warm() })
    const changed = after.filter((p) => !before.includes(p) && p.length > 100)
    expect(changed).toHaveLength(1) // the second block; the others are the same Buffers
    expect(changed[0]?.toString()).toContain('REBOOT')

    // The whole first block deleted, one more row, a row of the last block deleted.
    for (let i = 0; i < SNAPSHOT_BLOCK_ROWS; i++) log.remove('instances', `i${i}`)
    log.upsert('instances', row('new', 'BUILD'))
    log.remove('instances', `i${n - 1}`)
    expect(ids(log)).toEqual([...all.slice(SNAPSHOT_BLOCK_ROWS, n - 1), 'new'])
    // Rows read one by one before the first walk are kept (and listed once).
    const cold = new FeedLog()
    cold.upsert('instances', row('early', 'BUILD'))
    cold.replaceAll('instances', [row('a', 'ACTIVE'), row('early', 'ACTIVE')])
    expect(ids(cold)).toEqual(['a', 'early'])
    expect(cold.get('instances', 'early')?.status).toBe('BUILD')
  })
})
