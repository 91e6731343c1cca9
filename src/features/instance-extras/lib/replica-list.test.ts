import { describe, expect, it } from 'vitest'
import { filterRows, sortRows, cachedRowText } from '@/components/data-table/sort-filter'
import { replicaHaystack, replicaSortValue, replicationSearchSchema } from './replica-list'
import type { Member } from './topology'

const m = (name: string, status: string, operating?: string): Member => ({
  id: `id-${name}`,
  name,
  status,
  operating,
  known: true,
})
const a = m('a-replica', 'BUILD', '')
const b = m('b-replica', 'ACTIVE', 'HEALTHY')
const c = m('c-replica', 'ACTIVE', 'SHUTDOWN')

describe('replicas table accessors', () => {
  it('sorts by status and operating status together', () => {
    const sorted = sortRows([a, c, b], (r) => replicaSortValue(r, 'status'), 'asc')
    expect(sorted.map((r) => r.name)).toEqual(['b-replica', 'c-replica', 'a-replica'])
  })

  it('filters on name, id and both statuses', () => {
    const text = cachedRowText<Member>([
      { id: 'name', header: 'Name', cell: () => null, filterText: replicaHaystack },
    ])
    expect(filterRows([a, b, c], 'shutdown', text)).toEqual([c])
    expect(filterRows([a, b, c], 'id-a', text)).toEqual([a])
  })

  it('reads a bad sort from the URL as the default', () => {
    expect(replicationSearchSchema.parse({ sort: 'size', dir: 'desc' })).toMatchObject({
      sort: 'name',
      dir: 'desc',
    })
  })
})
