import type { Database } from '@/api/databases/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { databaseName } from '../lib/user-database-list'

/** The databases table's one column: Trove lists a database by its name only. */
export function databaseColumns(): DataTableColumn<Database>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      hideable: false,
      sortValue: databaseName,
      filterText: databaseName,
      cell: (d) => <span className="font-mono">{d.name}</span>,
    },
  ]
}
