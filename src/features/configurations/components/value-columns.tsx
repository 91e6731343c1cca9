import type { DataTableColumn } from '@/components/data-table/columns'
import { Badge } from '@/components/ui/badge'
import { valueSortValue, type ValueRow } from '../lib/configuration-list'
import { RESTART_BADGE, formatValue } from '../lib/parameters-to-specs'

/** A group's values: parameter, value, and whether it applies live or after a restart. */
export function valueColumns(): DataTableColumn<ValueRow>[] {
  return [
    {
      id: 'name',
      header: 'Parameter',
      className: 'w-[40%]',
      hideable: false,
      sortValue: (r) => valueSortValue(r, 'name'),
      filterText: (r) => [r.name, formatValue(r.value)],
      cell: (r) => <span className="font-mono text-xs break-all">{r.name}</span>,
    },
    {
      id: 'value',
      header: 'Value',
      sortValue: (r) => valueSortValue(r, 'value'),
      csv: (r) => formatValue(r.value),
      cell: (r) => <span className="font-mono text-xs break-all">{formatValue(r.value)}</span>,
    },
    {
      id: 'applies',
      header: 'Applies',
      className: 'w-[24%]',
      sortValue: (r) => valueSortValue(r, 'applies'),
      cell: (r) =>
        r.restart ? (
          <Badge variant="warning">{RESTART_BADGE}</Badge>
        ) : (
          <span className="text-sm text-muted-foreground">Live</span>
        ),
    },
  ]
}
