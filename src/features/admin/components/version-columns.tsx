import { Link } from '@tanstack/react-router'
import type { MgmtParameter, MgmtVersion } from '@/api/mgmt/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { Badge } from '@/components/ui/badge'
import {
  imageText,
  boundLabel,
  parameterSortValue,
  stateText,
  versionSortValue,
} from '../lib/version-list'
import { type ParameterSort, type VersionSort } from '../lib/version-search'

const sortV = (col: VersionSort) => (v: MgmtVersion) => versionSortValue(v, col)
const sortP = (col: ParameterSort) => (p: MgmtParameter) => parameterSortValue(p, col)

/** Active/Inactive and Default, as badges (the list and the version's page). */
export function VersionStateBadges({ version: v }: { version: MgmtVersion }) {
  return (
    // No wrapper: the badges sit in their parent's flex row (and e2e finds the one badge span).
    <>
      <Badge variant={v.active ? 'success' : 'neutral'}>{v.active ? 'Active' : 'Inactive'}</Badge>
      {v.default ? (
        <Badge variant="info" className="ml-1">
          Default
        </Badge>
      ) : null}
    </>
  )
}

/** The datastore versions list's columns. */
export const versionColumns: readonly DataTableColumn<MgmtVersion>[] = [
  {
    id: 'datastore',
    header: 'Datastore',
    className: 'w-[14%]',
    sortValue: sortV('datastore'),
    filterText: (v) => v.datastore_name,
    cell: (v) => v.datastore_name,
  },
  {
    id: 'name',
    header: 'Version',
    className: 'w-[16%]',
    hideable: false,
    sortValue: sortV('name'),
    filterText: (v) => [v.name, v.id],
    cell: (v) => (
      <Link
        to="/admin/datastore-versions/$versionId"
        params={{ versionId: v.id }}
        className="font-medium text-link underline-offset-4 hover:underline"
        aria-label={`${v.datastore_name} ${v.name}`}
      >
        {v.name}
      </Link>
    ),
  },
  {
    id: 'version',
    header: 'Number',
    className: 'w-[12%]',
    sortValue: sortV('version'),
    filterText: (v) => v.version,
    cell: (v) => v.version,
  },
  {
    id: 'manager',
    header: 'Manager',
    className: 'w-[12%]',
    sortValue: sortV('manager'),
    filterText: (v) => v.datastore_manager,
    cell: (v) => v.datastore_manager,
  },
  {
    id: 'image',
    header: 'Image',
    className: 'w-[28%]',
    sortValue: sortV('image'),
    filterText: imageText,
    cell: (v) => <span className="font-mono text-xs">{imageText(v) || '—'}</span>,
  },
  {
    id: 'state',
    header: 'State',
    className: 'w-[18%]',
    sortValue: sortV('state'),
    filterText: stateText,
    csv: stateText,
    cell: (v) => <VersionStateBadges version={v} />,
  },
]

const bound = (p: MgmtParameter, which: 'min' | 'max') => boundLabel(p, which)

/** A version's configuration parameters' columns. */
export const parameterColumns: readonly DataTableColumn<MgmtParameter>[] = [
  {
    id: 'name',
    header: 'Name',
    className: 'w-[36%]',
    hideable: false,
    sortValue: sortP('name'),
    filterText: (p) => p.name,
    cell: (p) => <span className="font-mono text-xs">{p.name}</span>,
  },
  {
    id: 'type',
    header: 'Type',
    className: 'w-[14%]',
    sortValue: sortP('type'),
    filterText: (p) => p.type,
    cell: (p) => p.type,
  },
  {
    id: 'min',
    header: 'Minimum',
    className: 'w-[16%]',
    sortValue: sortP('min'),
    cell: (p) => bound(p, 'min'),
  },
  {
    id: 'max',
    header: 'Maximum',
    className: 'w-[18%]',
    sortValue: sortP('max'),
    cell: (p) => bound(p, 'max'),
  },
  {
    id: 'restart',
    header: 'Restart',
    className: 'w-[16%]',
    sortValue: sortP('restart'),
    cell: (p) => (p.restart_required ? 'Yes' : 'No'),
  },
]
