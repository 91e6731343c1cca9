import type { Integration } from '@/api/dbaas/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { IntegrationStatusBadge } from '@/components/status/dbaas-status-badges'
import { integrationSortValue } from '../lib/integration-list'

/** A service's integrations: type, source, destination, state. */
export function integrationColumns(): DataTableColumn<Integration>[] {
  return [
    {
      id: 'type',
      header: 'Type',
      className: 'w-[20%]',
      hideable: false,
      sortValue: (i) => integrationSortValue(i, 'type'),
      filterText: (i) => [i.type, i.source, i.dest, i.status],
      cell: (i) => i.type,
    },
    {
      id: 'source',
      header: 'Source',
      className: 'w-[25%]',
      sortValue: (i) => integrationSortValue(i, 'source'),
      cell: (i) => i.source,
    },
    {
      id: 'dest',
      header: 'Destination',
      className: 'w-[25%]',
      sortValue: (i) => integrationSortValue(i, 'dest'),
      cell: (i) => i.dest,
    },
    {
      id: 'status',
      header: 'Status',
      className: 'w-[20%]',
      sortValue: (i) => integrationSortValue(i, 'status'),
      cell: (i) => <IntegrationStatusBadge integration={i} />,
    },
  ]
}
