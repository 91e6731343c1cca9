import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

export const PLAN_SORT_COLUMNS = ['name', 'nodes', 'cpus', 'memory', 'disk', 'available'] as const
export type PlanSortColumn = (typeof PLAN_SORT_COLUMNS)[number]

/** The plans page's URL: the engine tab, and its table's sort, filter text and columns. */
export const plansSearchSchema = z.object({
  ...tableSearchFields(PLAN_SORT_COLUMNS, 'memory', 'asc'),
  type: z.catch(z._default(z.string(), ''), ''),
})
export type PlansSearch = z.infer<typeof plansSearchSchema>
export const plansSearchDefaults: PlansSearch = {
  ...tableSearchDefaults<PlanSortColumn>('memory', 'asc'),
  type: '',
}
