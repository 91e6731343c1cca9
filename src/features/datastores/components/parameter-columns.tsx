import type { Parameter } from '@/api/parameters/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { parameterFilterText, parameterSortValue } from '../lib/datastore-list'

/** A datastore version's configuration parameters: name, type, limits, restart required. */
export function parameterColumns(): DataTableColumn<Parameter>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      className: 'w-[36%]',
      hideable: false,
      sortValue: (p) => parameterSortValue(p, 'name'),
      filterText: parameterFilterText,
      cell: (p) => <span className="font-mono text-xs break-all">{p.name}</span>,
    },
    {
      id: 'type',
      header: 'Type',
      sortValue: (p) => parameterSortValue(p, 'type'),
      cell: (p) => p.type,
    },
    {
      id: 'min',
      header: 'Min',
      sortValue: (p) => parameterSortValue(p, 'min'),
      cell: (p) => p.min ?? '—',
    },
    {
      id: 'max',
      header: 'Max',
      sortValue: (p) => parameterSortValue(p, 'max'),
      cell: (p) => p.max ?? '—',
    },
    {
      id: 'restart',
      header: 'Restart required',
      sortValue: (p) => parameterSortValue(p, 'restart'),
      cell: (p) => (p.restart_required ? 'Yes' : 'No'),
    },
  ]
}
