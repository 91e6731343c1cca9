import * as z from 'zod/mini'
import type { QuotaUsage } from '@/api/mgmt/schemas'
import type { SortValue } from '@/components/data-table/columns'
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

const UNITS: Record<string, string> = {
  instances: 'instances',
  ram: 'MB of RAM',
  backups: 'backups',
  volumes: 'GB of volumes',
}

/** What a resource's numbers count ("MB of RAM"); unknown resources count themselves. */
export const quotaUnit = (resource: string): string => UNITS[resource] ?? resource

export function quotaSortValue(q: QuotaUsage, col: QuotaSort): SortValue {
  switch (col) {
    case 'resource':
      return q.resource
    case 'inUse':
      return q.in_use
    case 'reserved':
      return q.reserved
    case 'limit':
      // -1 (unlimited) is the largest limit.
      return q.limit < 0 ? Number.MAX_SAFE_INTEGER : q.limit
  }
}
