import { Link } from '@tanstack/react-router'
import type { DataTableColumn } from '@/components/data-table/columns'

/** An instance a group is attached to (`GET /configurations/{id}/instances`). */
export interface AttachedInstance {
  id: string
  name: string
}

/** The group's instances: name (a link to its Configuration tab) and id. */
export function attachedInstanceColumns(): DataTableColumn<AttachedInstance>[] {
  return [
    {
      id: 'name',
      header: 'Instance',
      hideable: false,
      sortValue: (i) => i.name,
      filterText: (i) => [i.name, i.id],
      cell: (i) => (
        <Link
          to="/instances/$instanceId/configuration"
          params={{ instanceId: i.id }}
          className="font-medium text-link underline-offset-4 hover:underline"
        >
          {i.name}
        </Link>
      ),
    },
    {
      id: 'id',
      header: 'ID',
      sortValue: (i) => i.id,
      cell: (i) => <span className="font-mono text-xs break-all">{i.id}</span>,
    },
  ]
}
