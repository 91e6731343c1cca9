import { Link } from '@tanstack/react-router'
import type { ConfigurationSummary } from '@/api/configurations/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { formatDateTime, toIsoString } from '@/lib/format'
import {
  configurationFilterText,
  configurationSortValue,
  datastoreLabel,
} from '../lib/configuration-list'

/**
 * The groups list's columns: name, datastore, description, instances using it, updated.
 * `attached` counts a group's instances (undefined while the instances are not read yet).
 */
export function configurationColumns({
  attached,
}: {
  attached: (id: string) => number | undefined
}): DataTableColumn<ConfigurationSummary>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      className: 'w-[26%]',
      hideable: false,
      sortValue: (g) => configurationSortValue(g, 'name'),
      filterText: configurationFilterText,
      cell: (g) => (
        <Link
          to="/configurations/$configurationId"
          params={{ configurationId: g.id }}
          className="truncate font-medium text-link underline-offset-4 hover:underline"
        >
          {g.name}
        </Link>
      ),
    },
    {
      id: 'datastore',
      header: 'Datastore',
      className: 'w-[16%]',
      sortValue: (g) => configurationSortValue(g, 'datastore'),
      cell: (g) => datastoreLabel(g),
    },
    {
      id: 'description',
      header: 'Description',
      sortValue: (g) => configurationSortValue(g, 'description'),
      // Inline text: the table's ellipsis, title and focused row show a long description whole.
      cell: (g) => <span className="text-muted-foreground">{g.description || '—'}</span>,
    },
    {
      id: 'instances',
      header: 'Instances',
      className: 'w-[11%]',
      sortValue: (g) => configurationSortValue(g, 'instances', attached(g.id) ?? 0),
      cell: (g) => attached(g.id) ?? '—',
    },
    {
      id: 'updated',
      header: 'Updated',
      className: 'w-[18%]',
      sortValue: (g) => configurationSortValue(g, 'updated'),
      cell: (g) =>
        g.updated ? (
          <time dateTime={toIsoString(g.updated)}>{formatDateTime(g.updated)}</time>
        ) : (
          '—'
        ),
    },
  ]
}
