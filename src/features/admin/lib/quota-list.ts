import type { QuotaUsage } from '@/api/mgmt/schemas'
import type { SortValue } from '@/components/data-table/columns'
import type { QuotaSort } from './quota-search'

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
