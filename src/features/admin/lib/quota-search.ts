import * as z from 'zod/mini'
import { tableSearchDefaults, tableSearchFields } from '@/components/data-table/search'

export const QUOTA_SORT_COLUMNS = ['resource', 'inUse', 'reserved', 'limit'] as const
export type QuotaSort = (typeof QUOTA_SORT_COLUMNS)[number]

/** URL state of the quotas page: the project shown, and its table's view. */
export const quotasSearchSchema = z.object({
  ...tableSearchFields(QUOTA_SORT_COLUMNS, 'resource', 'asc'),
  project: z._default(z.catch(z.string(), ''), ''),
})
export type QuotasSearch = z.infer<typeof quotasSearchSchema>
export const quotasSearchDefaults: QuotasSearch = {
  ...tableSearchDefaults<QuotaSort>('resource'),
  project: '',
}
