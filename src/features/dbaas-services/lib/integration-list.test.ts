import { describe, expect, it } from 'vitest'
import type { Integration } from '@/api/dbaas/schemas'
import { sortRows } from '@/components/data-table/sort-filter'
import { integrationLabel, integrationLocked, integrationSortValue } from './integration-list'

const i = (id: string, over: Partial<Integration> = {}): Integration => ({
  id,
  type: 'metrics',
  source: 'src',
  dest: 'dst',
  ...over,
})

describe('integration list', () => {
  const rows = [
    i('1', { dest: 'zeta', 'is-active': true }),
    i('2', { type: 'logs', dest: 'alpha', status: 'Rebuilding' }),
    i('3', { type: 'read_replica', dest: 'mid' }),
  ]
  it('sorts by destination, type and state', () => {
    const by = (c: Parameters<typeof integrationSortValue>[1]) =>
      sortRows(rows, (r) => integrationSortValue(r, c), 'asc').map((r) => r.id)
    expect(by('dest')).toEqual(['2', '3', '1'])
    expect(by('type')).toEqual(['2', '1', '3'])
    expect(by('status')).toEqual(['1', '3', '2'])
  })
  it('locks read replicas and names integrations', () => {
    expect(integrationLocked(rows[2] as Integration)).toBe('Managed by replication')
    expect(integrationLocked(rows[0] as Integration)).toBeUndefined()
    expect(integrationLabel(rows[1] as Integration)).toBe('logs integration src → alpha')
  })
})
