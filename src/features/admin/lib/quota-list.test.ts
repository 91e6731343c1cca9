import { describe, expect, it } from 'vitest'
import { sortRows } from '@/components/data-table/sort-filter'
import { quotaSortValue, quotaUnit } from './quota-list'
import { quotasSearchSchema } from './quota-search'

const rows = [
  { resource: 'instances', in_use: 1, reserved: 0, limit: 10 },
  { resource: 'ram', in_use: 2048, reserved: 0, limit: -1 },
  { resource: 'backups', in_use: 3, reserved: 0, limit: 50 },
]

describe('quota list', () => {
  it('sorts unlimited (-1) as the largest limit', () => {
    const order = sortRows(rows, (r) => quotaSortValue(r, 'limit'), 'desc').map((r) => r.resource)
    expect(order).toEqual(['ram', 'backups', 'instances'])
  })

  it('names units and reads the URL leniently', () => {
    expect(quotaUnit('ram')).toBe('MB of RAM')
    expect(quotaUnit('cores')).toBe('cores')
    expect(quotasSearchSchema.parse({ project: 'p', dir: 'sideways' })).toMatchObject({
      project: 'p',
      dir: 'asc',
      sort: 'resource',
    })
  })
})
