import { describe, expect, it } from 'vitest'
import { newestThenId } from '@/api/backups/order'
import type { Backup } from '@/api/backups/schemas'
import { filterRows, sortRows } from '@/components/data-table/sort-filter'
import { adminBackupHaystack, adminBackupSortValue } from './admin-backup-list'
import { adminBackupsSearchSchema } from './admin-backup-search'

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
  project_id: 'p1',
  datastore: { type: 'mysql', version: '5.7', version_id: 'v' },
  ...over,
})

describe('admin backup list', () => {
  const rows = [
    b('alpha', { project_id: 'p2', size: 2, created: '2026-11-23T03:00:01' }),
    b('beta', { size: null, status: 'NEW', created: '2026-11-23T03:00:03' }),
    b('gamma', { description: 'Nightly', project_id: 'p3', created: '2026-11-23T03:00:02' }),
  ]
  const by = (col: Parameters<typeof adminBackupSortValue>[1], dir: 'asc' | 'desc') =>
    sortRows(rows, (x) => adminBackupSortValue(x, col), dir, newestThenId).map((x) => x.id)

  it('sorts by project, size (missing last) and created', () => {
    expect(by('project', 'asc')).toEqual(['beta', 'alpha', 'gamma'])
    expect(by('size', 'desc')).toEqual(['alpha', 'gamma', 'beta'])
    expect(by('created', 'desc')).toEqual(['beta', 'gamma', 'alpha'])
  })

  it('filters text in name, project and description', () => {
    const text = (x: Backup) => adminBackupHaystack(x).join('\n').toLowerCase()
    expect(filterRows(rows, 'night', text).map((x) => x.id)).toEqual(['gamma'])
    expect(filterRows(rows, 'p2', text).map((x) => x.id)).toEqual(['alpha'])
  })

  it('reads the URL leniently', () => {
    expect(adminBackupsSearchSchema.parse({ sort: 'bogus', project: 'p' })).toMatchObject({
      sort: 'created',
      dir: 'desc',
      project: 'p',
    })
  })
})
