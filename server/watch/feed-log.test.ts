import { describe, expect, it } from 'vitest'
import { feedResponseSchema } from '@/api/feed/schemas'
import { FeedLog } from './feed-log'

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
    // The same Buffer while nothing changed: built once, compressed once (feed-snapshot.ts).
    const bytes = log.snapshotBytes(['instances'], head())
    expect(bytes.toString('utf8')).toBe(first)
    expect(log.snapshotBytes(['instances'], head())).toBe(bytes)

    log.upsert('instances', row('b', 'ACTIVE'))
    const next = feedResponseSchema.parse(JSON.parse(log.snapshotJson(['instances'], head())))
    expect(next.cursor).not.toBe(parsed.cursor)
    expect(next.instances?.created?.map((r) => r.status)).toEqual(['ACTIVE', 'ACTIVE'])
    expect(log.snapshotBytes(['instances'], head())).not.toBe(bytes)
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
