import type { Integration } from '@/api/dbaas/schemas'
import { integrationStateOf } from '@/api/dbaas/status'
import type { SortValue } from '@/components/data-table/columns'

export type IntegrationSortColumn = 'type' | 'source' | 'dest' | 'status'

/** The value an integration sorts by in a column. */
export function integrationSortValue(i: Integration, col: IntegrationSortColumn): SortValue {
  switch (col) {
    case 'type':
      return i.type
    case 'source':
      return i.source
    case 'dest':
      return i.dest
    case 'status':
      return integrationStateOf(i).label
  }
}

/** Read replicas are integrations the replication manages: no edit, no delete here. */
export function integrationLocked(i: Integration): string | undefined {
  return i.type === 'read_replica' ? 'Managed by replication' : undefined
}

/** How an integration is named in dialogs and the task tray. */
export const integrationLabel = (i: Integration) => `${i.type} integration ${i.source} → ${i.dest}`
