import { describe, expect, it } from 'vitest'
import type { Plan } from '@/api/dbaas/schemas'
import { sortRows } from '@/components/data-table/sort-filter'
import { planBackups, planFilterText, planSortValue } from './plan-list'
import { plansSearchSchema, type PlanSortColumn } from './plan-search'

const plans: Plan[] = [
  { name: 'm1.large', 'node-count': 1, 'node-cpu-count': 4, 'node-memory': 8, 'disk-space': 80 },
  {
    name: 'm1.small',
    'node-count': 3,
    'node-cpu-count': 1,
    'node-memory': 2,
    'disk-space': 20,
    authorized: false,
    zones: ['zone-b'],
  },
  { name: 'm1.medium', 'node-count': 1, 'node-cpu-count': 2, 'node-memory': 4 },
]
const order = (col: PlanSortColumn, dir: 'asc' | 'desc') =>
  sortRows(plans, (p) => planSortValue(p, col), dir).map((p) => p.name)

describe('plan list', () => {
  it('sorts by each column, both ways; missing values last', () => {
    expect(order('memory', 'asc')).toEqual(['m1.small', 'm1.medium', 'm1.large'])
    expect(order('cpus', 'desc')).toEqual(['m1.large', 'm1.medium', 'm1.small'])
    expect(order('nodes', 'desc')[0]).toBe('m1.small')
    expect(order('disk', 'desc')).toEqual(['m1.large', 'm1.small', 'm1.medium'])
    expect(order('available', 'asc')[0]).toBe('m1.small')
  })

  it('describes backups and searches zones and availability', () => {
    expect(planBackups({ name: 'x' })).toBeUndefined()
    expect(
      planBackups({
        name: 'x',
        'backup-config': { interval: 24, 'max-count': 2, 'recovery-mode': 'basic' },
      }),
    ).toBe('every 24 h, keep 2 (basic)')
    expect(planFilterText(plans[1] as Plan)).toEqual(
      expect.arrayContaining(['zone-b', 'On request']),
    )
  })

  it('reads the URL leniently', () => {
    expect(plansSearchSchema.parse({ sort: 'zones', type: 'pg' })).toMatchObject({
      sort: 'memory',
      dir: 'asc',
      type: 'pg',
    })
  })
})
