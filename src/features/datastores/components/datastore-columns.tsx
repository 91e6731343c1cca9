import { Link } from '@tanstack/react-router'
import type { Datastore } from '@/api/datastores/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { CellList } from '@/components/data-table/cell-list'
import { datastoreFilterText, datastoreSortValue } from '../lib/datastore-list'

/** The datastores list's columns: name, and its active versions (each a link to its parameters). */
export function datastoreColumns(): DataTableColumn<Datastore>[] {
  return [
    {
      id: 'name',
      header: 'Datastore',
      className: 'w-[30%]',
      hideable: false,
      sortValue: (d) => datastoreSortValue(d, 'name'),
      filterText: datastoreFilterText,
      cell: (d) => (
        <Link
          to="/datastores/$datastore"
          params={{ datastore: d.name }}
          className="font-medium text-link underline-offset-4 hover:underline"
        >
          {d.name}
        </Link>
      ),
    },
    {
      id: 'versions',
      header: 'Active versions',
      sortValue: (d) => datastoreSortValue(d, 'versions'),
      csv: (d) => d.versions.map((v) => v.name).join(' '),
      cell: (d) => (
        <CellList
          items={d.versions}
          itemKey={(v) => v.id}
          render={(v) => (
            <>
              <Link
                to="/datastores/$datastore/versions/$version"
                params={{ datastore: d.name, version: v.name }}
                aria-label={`${d.name} ${v.name} parameters`}
                className="underline-offset-4 hover:underline"
              >
                {v.name}
              </Link>
              {v.id === d.default_version ? (
                <span className="text-muted-foreground"> (default)</span>
              ) : null}
            </>
          )}
        />
      ),
    },
  ]
}
