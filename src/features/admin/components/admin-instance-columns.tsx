import { Link } from '@tanstack/react-router'
import type { MgmtInstance } from '@/api/mgmt/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { ProjectName } from '@/components/identity-name'
import { InstanceStatusBadges } from '@/components/status/instance-status-badge'
import { formatDateTime } from '@/lib/format'
import {
  adminInstanceHaystack,
  adminInstanceSortValue,
  datastoreText,
  shownStatus,
} from '../lib/admin-instance-list'
import { type AdminInstanceSort } from '../lib/admin-instance-search'

const sort = (col: AdminInstanceSort) => (i: MgmtInstance) => adminInstanceSortValue(i, col)
const mono = (text: string | null | undefined) =>
  text ? <span className="font-mono text-xs">{text}</span> : '—'

/** The all-projects instance list's columns (module constant: nothing depends on the page). */
export const adminInstanceColumns: readonly DataTableColumn<MgmtInstance>[] = [
  {
    id: 'name',
    header: 'Name',
    className: 'w-[18%]',
    hideable: false,
    sortValue: sort('name'),
    filterText: adminInstanceHaystack,
    cell: (i) => (
      <Link
        to="/admin/instances/$instanceId"
        params={{ instanceId: i.id }}
        className="font-medium text-link underline-offset-4 hover:underline"
      >
        {i.name}
      </Link>
    ),
  },
  {
    id: 'project',
    header: 'Project',
    className: 'w-[14%]',
    sortValue: sort('project'),
    cell: (i) => <ProjectName id={i.tenant_id} />,
  },
  {
    id: 'status',
    header: 'Status',
    className: 'w-[18%]',
    sortValue: sort('status'),
    filterText: (i) => [shownStatus(i), i.operating_status],
    csv: shownStatus,
    cell: (i) => (
      <InstanceStatusBadges
        status={shownStatus(i)}
        operatingStatus={i.deleted ? undefined : i.operating_status}
        nowrap
      />
    ),
  },
  {
    id: 'datastore',
    header: 'Datastore',
    className: 'w-[12%]',
    sortValue: sort('datastore'),
    filterText: datastoreText,
    cell: (i) => datastoreText(i) || '—',
  },
  {
    id: 'host',
    header: 'Host',
    className: 'w-[12%]',
    sortValue: sort('host'),
    cell: (i) => i.server?.host ?? '—',
  },
  {
    id: 'server',
    header: 'Server id',
    className: 'w-[14%]',
    sortValue: sort('server'),
    cell: (i) => mono(i.server_id),
  },
  {
    id: 'volume',
    header: 'Volume id',
    className: 'w-[14%]',
    defaultHidden: true,
    sortValue: sort('volume'),
    cell: (i) => mono(i.volume_id),
  },
  {
    id: 'created',
    header: 'Created',
    className: 'w-[14%]',
    sortValue: sort('created'),
    cell: (i) => <span className="whitespace-nowrap">{formatDateTime(i.created)}</span>,
  },
]
