import { describe, expect, it } from 'vitest'
import type { MgmtInstance } from '@/api/mgmt/schemas'
import { adminInstancesSearchSchema, deletedFilter, filterMgmtInstances } from './admin-search'

const row = (over: Partial<MgmtInstance>): MgmtInstance =>
  ({
    id: 'i1',
    name: 'db1',
    status: 'ACTIVE',
    flavor: { id: '2' },
    datastore: { type: 'mysql', version: '5.7' },
    tenant_id: 'p1',
    server: { id: 's1', host: 'compute-001' },
    ...over,
  }) as MgmtInstance

describe('admin instance filters', () => {
  it('parses the URL leniently with defaults', () => {
    expect(adminInstancesSearchSchema.parse({ deleted: 'bogus' })).toEqual({
      project: '',
      q: '',
      status: '',
      deleted: 'live',
    })
    expect(deletedFilter('live')).toBe(false)
    expect(deletedFilter('deleted')).toBe(true)
    expect(deletedFilter('all')).toBeUndefined()
  })

  it('matches text against name, ids, project and host; status exactly', () => {
    const rows = [row({}), row({ id: 'i2', name: 'other', tenant_id: 'p2', status: 'REBOOT' })]
    expect(filterMgmtInstances(rows, { q: 'compute-001', status: '' })).toHaveLength(2)
    expect(filterMgmtInstances(rows, { q: 'p2', status: '' }).map((r) => r.id)).toEqual(['i2'])
    expect(filterMgmtInstances(rows, { q: '', status: 'REBOOT' }).map((r) => r.id)).toEqual(['i2'])
  })
})
