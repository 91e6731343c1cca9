import { describe, expect, it } from 'vitest'
import type { Flavor } from '@/api/flavors/schemas'
import type { Instance } from '@/api/instances/schemas'
import {
  cachedFilterText,
  distinctValues,
  filterInstances,
  flavorLookup,
  instanceAddresses,
  replicationRole,
  sortInstances,
  volumeUsedPercent,
} from './instance-list'

function inst(over: Partial<Instance>): Instance {
  return {
    id: 'x',
    name: 'x',
    status: 'ACTIVE',
    operating_status: 'HEALTHY',
    flavor: { id: '1' },
    datastore: { type: 'mysql', version: '8.0' },
    ...over,
  }
}

const flavors: Flavor[] = [
  { id: 1, str_id: '1', name: 'm1.tiny', ram: 512, vcpus: 1, links: [] },
  { id: 2, str_id: '2', name: 'm1.small', ram: 2048, vcpus: 1, links: [] },
  { id: 'big', name: 'x.large', ram: 8192, vcpus: 4, links: [] },
]
const lookup = flavorLookup(flavors)

const rows = [
  inst({
    id: 'a',
    name: 'orders-db',
    flavor: { id: '2' },
    volume: { size: 10 },
    created: '2026-01-02T00:00:00',
    region: 'RegionOne',
    ip: ['10.0.0.5'],
  }),
  inst({
    id: 'b',
    name: 'Analytics',
    status: 'BUILD',
    operating_status: '',
    datastore: { type: 'postgresql', version: '16' },
    flavor: { id: 'big' },
    volume: { size: 2 },
    created: '2026-01-01T00:00:00',
    region: 'RegionTwo',
  }),
  inst({
    id: 'c',
    name: 'cache10',
    flavor: { id: 1 },
    created: '2026-01-03T00:00:00',
    hostname: 'cache10.db.example',
  }),
  inst({ id: 'd', name: 'cache2', status: 'ERROR', flavor: { id: '99' }, volume: { size: 5 } }),
]

describe('flavorLookup', () => {
  it('finds numeric, string and str_id ids', () => {
    expect(lookup(1)?.name).toBe('m1.tiny')
    expect(lookup('2')?.name).toBe('m1.small')
    expect(lookup('big')?.name).toBe('x.large')
    expect(lookup('99')).toBeUndefined()
    expect(flavorLookup(undefined)('1')).toBeUndefined()
  })
})

describe('filterInstances', () => {
  const none = { q: '', status: '', datastore: '' }
  const ids = (l: Instance[]) => l.map((i) => i.id)
  it('keeps everything with an empty filter', () => {
    expect(ids(filterInstances(rows, none))).toEqual(['a', 'b', 'c', 'd'])
  })
  it('matches text in name, id, datastore, flavor, address, hostname; case-insensitive; all words', () => {
    expect(ids(filterInstances(rows, { ...none, q: 'CACHE' }))).toEqual(['c', 'd'])
    expect(ids(filterInstances(rows, { ...none, q: 'postgresql 16' }))).toEqual(['b'])
    expect(ids(filterInstances(rows, { ...none, q: 'small' }, lookup))).toEqual(['a'])
    expect(ids(filterInstances(rows, { ...none, q: '10.0.0.5' }))).toEqual(['a'])
    expect(ids(filterInstances(rows, { ...none, q: 'example' }))).toEqual(['c'])
    expect(ids(filterInstances(rows, { ...none, q: 'cache 10' }))).toEqual(['c'])
    expect(ids(filterInstances(rows, { ...none, q: '  ' }))).toEqual(['a', 'b', 'c', 'd'])
    expect(ids(filterInstances(rows, { ...none, q: 'nothing-like-this' }))).toEqual([])
  })
  it('filters by status and datastore', () => {
    expect(ids(filterInstances(rows, { ...none, status: 'BUILD' }))).toEqual(['b'])
    expect(ids(filterInstances(rows, { ...none, datastore: 'mysql' }))).toEqual(['a', 'c', 'd'])
    expect(ids(filterInstances(rows, { q: 'cache', status: 'ERROR', datastore: 'mysql' }))).toEqual(
      ['d'],
    )
  })
  it('gives the same rows with a cached filter text, computing each row’s text once', () => {
    const text = cachedFilterText(lookup)
    for (const q of ['CACHE', 'postgresql 16', 'small', '10.0.0.5', 'cache 10', 'zzz']) {
      expect(ids(filterInstances(rows, { ...none, q }, lookup, text))).toEqual(
        ids(filterInstances(rows, { ...none, q }, lookup)),
      )
    }
    let computed = 0
    const counting = cachedFilterText((id) => {
      computed++
      return lookup(id)
    })
    filterInstances(rows, { ...none, q: 'a' }, lookup, counting)
    filterInstances(rows, { ...none, q: 'ab' }, lookup, counting)
    expect(computed).toBe(rows.length)
  })
  it('keeps the order it is given (filtering a sorted list keeps it sorted)', () => {
    const sorted = sortInstances(rows, 'name', 'desc')
    expect(ids(filterInstances(sorted, { ...none, datastore: 'mysql' }))).toEqual(
      ids(sorted).filter((id) => id !== 'b'),
    )
  })
})

describe('sortInstances', () => {
  const ids = (l: Instance[]) => l.map((i) => i.id)
  it('sorts names naturally, case-insensitively, both ways', () => {
    expect(ids(sortInstances(rows, 'name', 'asc'))).toEqual(['b', 'd', 'c', 'a'])
    expect(ids(sortInstances(rows, 'name', 'desc'))).toEqual(['a', 'c', 'd', 'b'])
  })
  it('sorts by flavor size, missing flavors last', () => {
    expect(ids(sortInstances(rows, 'flavor', 'asc', lookup))).toEqual(['c', 'a', 'b', 'd'])
    expect(ids(sortInstances(rows, 'flavor', 'desc', lookup))).toEqual(['b', 'a', 'c', 'd'])
  })
  it('sorts by volume and created, missing values last', () => {
    expect(ids(sortInstances(rows, 'volume', 'asc'))).toEqual(['b', 'd', 'a', 'c'])
    expect(ids(sortInstances(rows, 'volume', 'desc'))).toEqual(['a', 'd', 'b', 'c'])
    expect(ids(sortInstances(rows, 'created', 'desc'))).toEqual(['c', 'a', 'b', 'd'])
  })
  it('sorts by status, datastore and region with name as tiebreak', () => {
    expect(ids(sortInstances(rows, 'status', 'asc'))).toEqual(['c', 'a', 'b', 'd'])
    expect(ids(sortInstances(rows, 'datastore', 'asc'))).toEqual(['d', 'c', 'a', 'b'])
    expect(ids(sortInstances(rows, 'region', 'asc'))).toEqual(['a', 'b', 'd', 'c'])
  })
  it('does not mutate its input', () => {
    const copy = [...rows]
    sortInstances(rows, 'name', 'desc')
    expect(rows).toEqual(copy)
  })
  it('handles 5,000 rows quickly', () => {
    const many = Array.from({ length: 5000 }, (_, n) =>
      inst({ id: `i${n}`, name: `db-${(n * 7919) % 5000}` }),
    )
    const t = performance.now()
    const sorted = sortInstances(
      filterInstances(many, { q: 'db', status: '', datastore: '' }),
      'name',
      'asc',
    )
    expect(performance.now() - t).toBeLessThan(500)
    expect(sorted[0]?.name).toBe('db-0')
  })
})

describe('distinctValues', () => {
  it('lists each value once, sorted', () => {
    expect(distinctValues(rows, (i) => i.datastore.type)).toEqual(['mysql', 'postgresql'])
  })
})

describe('list columns: addresses, role, volume used', () => {
  it('lists addresses once, addresses before ip', () => {
    const i = inst({
      addresses: [{ address: '10.1.0.2', type: 'private' }, { address: '203.0.113.9' }],
      ip: ['10.1.0.2', '10.9.9.9'],
    })
    expect(instanceAddresses(i)).toEqual(['10.1.0.2', '203.0.113.9', '10.9.9.9'])
    expect(instanceAddresses(inst({}))).toEqual([])
  })
  it('tells replicas, sources and standalone instances apart', () => {
    expect(replicationRole(inst({ replica_of: { id: 's' } }))).toBe('replica')
    expect(replicationRole(inst({ replicas: [{ id: 'r' }] }))).toBe('source')
    expect(replicationRole(inst({ replicas: [] }))).toBe('standalone')
  })
  it('gives the used share of the volume only when the cloud said it', () => {
    expect(volumeUsedPercent(inst({ volume: { size: 20, used: 5 } }))).toBe(25)
    expect(volumeUsedPercent(inst({ volume: { size: 10 } }))).toBeUndefined()
    expect(volumeUsedPercent(inst({ volume: { size: 0, used: 1 } }))).toBeUndefined()
    expect(volumeUsedPercent(inst({ volume: { size: 1, used: 3 } }))).toBe(100)
  })
})
