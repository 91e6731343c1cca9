import type { DataTableColumn } from '@/components/data-table/columns'
import { Badge } from '@/components/ui/badge'
import { diffSortValue } from '../lib/configuration-list'
import { formatValue } from '../lib/parameters-to-specs'
import type { DiffRow, DiffState } from '../lib/values-diff'

const STATE_LABEL: Record<DiffState, { text: string; variant: 'warning' | 'neutral' | 'info' }> = {
  changed: { text: 'Overrides default', variant: 'warning' },
  same: { text: 'Same as default', variant: 'neutral' },
  added: { text: 'Not in template', variant: 'info' },
}

/** An attached group's values next to the instance's defaults. */
export function valueDiffColumns(): DataTableColumn<DiffRow>[] {
  const mono = (text: string) => <span className="font-mono text-xs break-all">{text}</span>
  return [
    {
      id: 'name',
      header: 'Parameter',
      className: 'w-[34%]',
      hideable: false,
      sortValue: (r) => diffSortValue(r, 'name'),
      filterText: (r) => [r.name, STATE_LABEL[r.state].text],
      cell: (r) => mono(r.name),
    },
    {
      id: 'default',
      header: 'Default',
      sortValue: (r) => diffSortValue(r, 'default'),
      cell: (r) =>
        // One line (the template's value, then what it is in the group's units): the table's
        // ellipsis, title and focused row apply to it (a second line was clipped without them).
        r.defaultAs ? (
          <>
            {mono(formatValue(r.defaultValue))}
            <span className="text-xs text-muted-foreground"> = {r.defaultAs}</span>
          </>
        ) : (
          mono(formatValue(r.defaultValue))
        ),
    },
    {
      id: 'value',
      header: 'Group value',
      sortValue: (r) => diffSortValue(r, 'value'),
      cell: (r) => mono(formatValue(r.value)),
    },
    {
      id: 'state',
      header: 'Difference',
      className: 'w-[20%]',
      sortValue: (r) => diffSortValue(r, 'state'),
      csv: (r) => STATE_LABEL[r.state].text,
      cell: (r) => (
        <Badge variant={STATE_LABEL[r.state].variant}>{STATE_LABEL[r.state].text}</Badge>
      ),
    },
  ]
}
