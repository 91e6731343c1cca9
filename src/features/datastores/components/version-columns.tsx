import { Link } from '@tanstack/react-router'
import type { Datastore } from '@/api/datastores/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { Badge } from '@/components/ui/badge'
import { versionSortValue, type DatastoreVersionRef } from '../lib/datastore-list'

/** A datastore's versions: name (a link to its parameters, the default marked), number, id. */
export function versionColumns(ds: Datastore): DataTableColumn<DatastoreVersionRef>[] {
  return [
    {
      id: 'name',
      header: 'Version',
      className: 'w-[30%]',
      hideable: false,
      sortValue: (v) => versionSortValue(v, 'name'),
      filterText: (v) => [v.name, v.version, v.id],
      cell: (v) => (
        <>
          <Link
            to="/datastores/$datastore/versions/$version"
            params={{ datastore: ds.name, version: v.name }}
            className="font-medium text-link underline-offset-4 hover:underline"
          >
            {v.name}
          </Link>
          {v.id === ds.default_version ? (
            <Badge variant="outline" className="ml-2">
              default
            </Badge>
          ) : null}
        </>
      ),
    },
    {
      id: 'version',
      header: 'Version number',
      className: 'w-[25%]',
      sortValue: (v) => versionSortValue(v, 'version'),
      cell: (v) => v.version ?? '—',
    },
    {
      id: 'id',
      header: 'Id',
      sortValue: (v) => versionSortValue(v, 'id'),
      cell: (v) => <span className="font-mono text-xs break-all">{v.id}</span>,
    },
  ]
}
