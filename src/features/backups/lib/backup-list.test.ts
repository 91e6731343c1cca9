import { describe, expect, it } from 'vitest'
import type { Backup } from '@/api/backups/schemas'
import { filterBackups, sortBackups } from './backup-list'
import { backupsSearchSchema } from './backup-search'

const b = (id: string, over: Partial<Backup> = {}): Backup => ({
  id,
  name: id,
  description: null,
  locationRef: null,
  instance_id: 'i1',
  created: '2026-11-23T03:00:00',
  updated: '2026-11-23T03:00:00',
  size: 0.1,
  status: 'COMPLETED',
  parent_id: null,
  project_id: 'p',
  datastore: { type: 'mysql', version: '5.7', version_id: 'v' },
  ...over,
})

describe('backup list', () => {
  const rows = [
    b('alpha', { created: '2026-11-23T03:00:01', size: 2 }),
    b('beta', { instance_id: 'i2', status: 'NEW', size: null, created: '2026-11-23T03:00:03' }),
    b('gamma', {
      datastore: { type: 'postgresql', version: '12', version_id: 'w' },
      description: 'Nightly',
      created: '2026-11-23T03:00:02',
    }),
  ]

  it('filters by text, instance, datastore and status', () => {
    const none = { q: '', instance: '', datastore: '', status: '' }
    expect(filterBackups(rows, { ...none, q: 'night' }).map((x) => x.id)).toEqual(['gamma'])
    expect(filterBackups(rows, { ...none, instance: 'i2' }).map((x) => x.id)).toEqual(['beta'])
    expect(filterBackups(rows, { ...none, datastore: 'mysql' }).map((x) => x.id)).toEqual([
      'alpha',
      'beta',
    ])
    expect(filterBackups(rows, { ...none, status: 'NEW' }).map((x) => x.id)).toEqual(['beta'])
  })

  it('sorts by each column, both ways, stably', () => {
    expect(sortBackups(rows, 'created', 'desc').map((x) => x.id)).toEqual([
      'beta',
      'gamma',
      'alpha',
    ])
    expect(sortBackups(rows, 'name', 'asc').map((x) => x.id)).toEqual(['alpha', 'beta', 'gamma'])
    expect(sortBackups(rows, 'size', 'desc').map((x) => x.id)).toEqual(['alpha', 'gamma', 'beta'])
    expect(sortBackups(rows, 'datastore', 'asc').map((x) => x.id)).toEqual([
      'beta',
      'alpha',
      'gamma',
    ])
    const names = (id: string | null | undefined) => (id === 'i2' ? 'aaa' : 'zzz')
    expect(sortBackups(rows, 'instance', 'asc', names)[0]?.id).toBe('beta')
  })

  it('reads the URL leniently', () => {
    expect(backupsSearchSchema.parse({ sort: 'bogus', dir: 7, status: 'NEW' })).toMatchObject({
      sort: 'created',
      dir: 'desc',
      q: '',
      cols: '',
      status: 'NEW',
    })
  })
})
