import { Link } from '@tanstack/react-router'
import type { Service } from '@/api/dbaas/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { ServiceStatusBadge } from '@/components/status/dbaas-status-badges'
import { formatBytes, formatDateTime } from '@/lib/format'
import { troveStatusOf, type ServiceInstance } from '../lib/service-instance'
import { serviceFilterText, serviceSortValue } from '../lib/service-list'
import { typeLabel } from '../lib/service-labels'

/**
 * The services list's columns: name (with its notices), the instance it stands for, engine, plan,
 * state (in words that tell a failure from a power-off), nodes, disk, created.
 */
export function serviceColumns(
  instanceOf: (s: Service) => ServiceInstance | undefined,
): DataTableColumn<Service>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      className: 'w-[20%]',
      hideable: false,
      sortValue: (s) => serviceSortValue(s, 'name'),
      filterText: serviceFilterText,
      cell: (s) => (
        <>
          <Link
            to="/services/$serviceName"
            params={{ serviceName: s.name }}
            className="font-medium text-link underline-offset-4 hover:underline"
          >
            {s.name}
          </Link>
          {s.notifications?.length ? (
            <span className="ml-2 text-xs text-muted-foreground">
              {s.notifications.length} notice{s.notifications.length > 1 ? 's' : ''}
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: 'instance',
      header: 'Instance',
      className: 'w-[12%]',
      filterText: (s) => {
        const i = instanceOf(s)
        return i ? [i.id, i.status] : []
      },
      csv: (s) => instanceOf(s)?.id,
      cell: (s) => {
        const i = instanceOf(s)
        if (!i) return <span className="text-muted-foreground">—</span>
        return (
          <Link
            to="/instances/$instanceId"
            params={{ instanceId: i.id }}
            title={`The instance ${i.name} (${i.id}), ${i.status}`}
            className="font-mono text-xs text-link underline-offset-4 hover:underline"
          >
            <span className="sr-only">Instance </span>
            {i.id.slice(0, 8)}
          </Link>
        )
      },
    },
    {
      id: 'type',
      header: 'Type',
      className: 'w-[13%]',
      sortValue: (s) => serviceSortValue(s, 'type'),
      cell: (s) => typeLabel(s.type),
    },
    {
      id: 'plan',
      header: 'Plan',
      className: 'w-[13%]',
      sortValue: (s) => serviceSortValue(s, 'plan'),
      cell: (s) => s.plan,
    },
    {
      id: 'state',
      header: 'State',
      className: 'w-[15%]',
      sortValue: (s) => serviceSortValue(s, 'state'),
      cell: (s) => (
        <ServiceStatusBadge state={s.state} troveStatus={troveStatusOf(s, instanceOf(s))} />
      ),
    },
    {
      id: 'nodes',
      header: 'Nodes',
      className: 'w-[8%]',
      sortValue: (s) => serviceSortValue(s, 'nodes'),
      cell: (s) => s['node-count'] ?? '—',
    },
    {
      id: 'disk',
      header: 'Disk',
      className: 'w-[10%]',
      sortValue: (s) => serviceSortValue(s, 'disk'),
      cell: (s) => (s['disk-size'] !== undefined ? formatBytes(s['disk-size']) : '—'),
    },
    {
      id: 'created',
      header: 'Created',
      className: 'w-[14%]',
      sortValue: (s) => serviceSortValue(s, 'created'),
      cell: (s) => (s['created-at'] ? formatDateTime(s['created-at']) : '—'),
    },
  ]
}
