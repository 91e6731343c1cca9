import { describe, expect, it } from 'vitest'
import type { MgmtInstance } from '@/api/mgmt/schemas'
import { filterRows, sortRows } from '@/components/data-table/sort-filter'
import {
  adminInstanceHaystack,
  adminInstanceSortValue,
  deletedFilter,
  filterByStatus,
  nameThenId,
} from './admin-instance-list'
import { adminInstancesSearchSchema } from './admin-instance-search'

const row = (over: Partial<MgmtInstance>): MgmtInstance =>
  ({
    id: 'i1',
    name: 'db1',
    status: 'ACTIVE',
    flavor: { id: '2' },
    datastore: { type: 'mysql', version: '5.7' },
    tenant_id: 'p1',
    server: { id: 's1', host: 'compute-001' },
    created: '2026-11-23T03:00:00',
    ...over,
  }) as MgmtInstance

const text = (i: MgmtInstance) => adminInstanceHaystack(i).join('\n').toLowerCase()

describe('admin instance filters', () => {
  it('parses the URL leniently with defaults', () => {
    expect(adminInstancesSearchSchema.parse({ deleted: 'bogus' })).toEqual({
      project: '',
      q: '',
      status: '',
      deleted: 'live',
      sort: 'name',
      dir: 'asc',
      cols: '',
    })
    expect(deletedFilter('live')).toBe(false)
    expect(deletedFilter('deleted')).toBe(true)
    expect(deletedFilter('all')).toBeUndefined()
  })

  it('matches text against name, ids, project and host; status exactly', () => {
    const rows = [row({}), row({ id: 'i2', name: 'other', tenant_id: 'p2', status: 'REBOOT' })]
    expect(filterRows(rows, 'compute-001', text)).toHaveLength(2)
    expect(filterRows(rows, 'p2', text).map((r) => r.id)).toEqual(['i2'])
    expect(filterByStatus(rows, 'REBOOT').map((r) => r.id)).toEqual(['i2'])
    expect(filterByStatus(rows, '')).toHaveLength(2)
  })

  it('sorts by project, status (deleted reads DELETED) and host; missing values last', () => {
    const rows = [
      row({ id: 'a', name: 'a', tenant_id: 'p2', server: { id: 's', host: 'compute-002' } }),
      row({ id: 'b', name: 'b', tenant_id: 'p1', deleted: true, server: null }),
      row({ id: 'c', name: 'c', tenant_id: 'p3', status: 'BUILD' }),
    ]
    const by = (col: Parameters<typeof adminInstanceSortValue>[1], dir: 'asc' | 'desc') =>
      sortRows(rows, (i) => adminInstanceSortValue(i, col), dir, nameThenId).map((i) => i.id)
    expect(by('project', 'asc')).toEqual(['b', 'a', 'c'])
    expect(by('status', 'asc')).toEqual(['a', 'c', 'b'])
    expect(by('host', 'desc')).toEqual(['a', 'c', 'b'])
  })
})
