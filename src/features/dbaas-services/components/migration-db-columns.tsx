import type { DataTableColumn } from '@/components/data-table/columns'
import { MigrationStatusBadge } from '@/components/status/dbaas-status-badges'
import { migrationDbSortValue, type MigrationDb } from '../lib/migration-list'

/** A migration per database: name, status, method (and the error, when there is one). */
export function migrationDbColumns(): DataTableColumn<MigrationDb>[] {
  return [
    {
      id: 'dbname',
      header: 'Database',
      className: 'w-[40%]',
      hideable: false,
      sortValue: (d) => migrationDbSortValue(d, 'dbname'),
      filterText: (d) => [d.dbname, d.status, d.method, d.error],
      cell: (d) => (
        <>
          <span className="font-medium">{d.dbname ?? '—'}</span>
          {/* On the name's line: the table's ellipsis, title and focused row show it whole. */}
          {d.error ? <span className="text-xs text-danger"> · {d.error}</span> : null}
        </>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      className: 'w-[30%]',
      sortValue: (d) => migrationDbSortValue(d, 'status'),
      cell: (d) => <MigrationStatusBadge status={d.status} />,
    },
    {
      id: 'method',
      header: 'Method',
      className: 'w-[30%]',
      sortValue: (d) => migrationDbSortValue(d, 'method'),
      cell: (d) => d.method ?? '—',
    },
  ]
}
