import type { DbUser } from '@/api/users/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { CellList } from '@/components/data-table/cell-list'
import { userDatabaseNames, userHaystack, userSortValue } from '../lib/user-database-list'

/** The users table's columns: name, host (where it may connect from), databases it may use. */
export function userColumns(): DataTableColumn<DbUser>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      hideable: false,
      className: 'w-[30%]',
      sortValue: (u) => userSortValue(u, 'name'),
      filterText: userHaystack,
      csv: (u) => u.name,
      cell: (u) => <span className="font-mono">{u.name}</span>,
    },
    {
      id: 'host',
      header: 'Host',
      className: 'w-[20%]',
      sortValue: (u) => userSortValue(u, 'host'),
      cell: (u) => <span className="font-mono">{u.host ?? '%'}</span>,
    },
    {
      id: 'databases',
      header: 'Databases',
      sortValue: (u) => userSortValue(u, 'databases'),
      csv: (u) => userDatabaseNames(u).join('; '),
      cell: (u) => {
        const names = userDatabaseNames(u)
        return names.length ? (
          <CellList
            items={names}
            itemKey={(d) => d}
            render={(d) => d}
            label={`Databases of ${u.name}`}
            className="font-mono"
          />
        ) : (
          <span className="text-muted-foreground">None</span>
        )
      },
    },
  ]
}
