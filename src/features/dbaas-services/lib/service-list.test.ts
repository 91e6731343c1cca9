import { describe, expect, it } from 'vitest'
import type { Service } from '@/api/dbaas/schemas'
import { sortRows } from '@/components/data-table/sort-filter'
import { deleteBlocked, filterServices, serviceFilterText, serviceSortValue } from './service-list'
import { servicesSearchSchema, type ServiceSortColumn } from './service-search'

const s = (name: string, over: Partial<Service> = {}): Service => ({
  name,
  type: 'mysql',
  plan: 'm1.small',
  state: 'running',
  ...over,
})

const rows = [
  s('orders', { 'node-count': 3, 'disk-size': 20, 'created-at': '2026-01-02T00:00:00Z' }),
  s('analytics', {
    type: 'pg',
    plan: 'm1.large',
    state: 'poweroff',
    'node-count': 1,
    'created-at': '2026-01-03T00:00:00Z',
  }),
  s('cache', { state: 'rebuilding', 'disk-size': 5, 'created-at': '2026-01-01T00:00:00Z' }),
]
const order = (col: ServiceSortColumn, dir: 'asc' | 'desc') =>
  sortRows(rows, (r) => serviceSortValue(r, col), dir).map((r) => r.name)

describe('service list', () => {
  it('sorts by each column, both ways; missing values last', () => {
    expect(order('name', 'asc')).toEqual(['analytics', 'cache', 'orders'])
    expect(order('type', 'asc')).toEqual(['orders', 'cache', 'analytics'])
    expect(order('state', 'asc')).toEqual(['analytics', 'cache', 'orders'])
    expect(order('nodes', 'desc')).toEqual(['orders', 'analytics', 'cache'])
    expect(order('disk', 'asc')).toEqual(['cache', 'orders', 'analytics'])
    expect(order('created', 'desc')).toEqual(['analytics', 'orders', 'cache'])
  })

  it('filters by engine and searches the engine name and state words', () => {
    expect(filterServices(rows, 'pg').map((r) => r.name)).toEqual(['analytics'])
    expect(filterServices(rows, '')).toHaveLength(3)
    expect(serviceFilterText(rows[1] as Service)).toEqual(
      expect.arrayContaining(['PostgreSQL', 'Powered off', 'm1.large']),
    )
  })

  it('refuses deleting a protected service, and reads the URL leniently', () => {
    expect(deleteBlocked(s('a', { 'termination-protection': true }))).toMatch(/protection/)
    expect(deleteBlocked(s('a'))).toBeUndefined()
    expect(servicesSearchSchema.parse({ sort: 'bogus', dir: 3, type: 'pg' })).toEqual({
      q: '',
      sort: 'name',
      dir: 'asc',
      cols: '',
      type: 'pg',
    })
  })
})
