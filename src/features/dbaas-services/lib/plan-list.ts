import type { Plan } from '@/api/dbaas/schemas'
import type { SortValue } from '@/components/data-table/columns'
import type { PlanSortColumn } from './plan-search'

/** The value a plan sorts by in a column. */
export function planSortValue(p: Plan, col: PlanSortColumn): SortValue {
  switch (col) {
    case 'name':
      return p.name
    case 'nodes':
      return p['node-count']
    case 'cpus':
      return p['node-cpu-count']
    case 'memory':
      return p['node-memory']
    case 'disk':
      return p['disk-space']
    case 'available':
      return planAvailability(p)
  }
}

/** "Yes", or "On request" for a plan the project is not authorized for. */
export const planAvailability = (p: Plan) => (p.authorized === false ? 'On request' : 'Yes')

/** A plan's backup schedule in words, or undefined without one. */
export function planBackups(p: Plan): string | undefined {
  const b = p['backup-config']
  if (!b) return undefined
  return `every ${b.interval ?? '?'} h, keep ${b['max-count'] ?? '?'} (${b['recovery-mode'] ?? '—'})`
}

/** What the filter box searches in a plan: name, family, zones, availability. */
export function planFilterText(p: Plan): string[] {
  return [p.name, p.family ?? '', ...(p.zones ?? []), planAvailability(p)]
}
