import { Link } from '@tanstack/react-router'
import { CornerDownRight } from 'lucide-react'
import type { Backup } from '@/api/backups/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { BackupStatusBadge } from '@/components/status/backup-status-badge'
import { formatDateTime, formatGb, formatRelativeTime, toIsoString } from '@/lib/format'
import { backupSortValue } from '../lib/backup-list'

/**
 * The backups list's columns: name (incrementals marked), status, instance, datastore, size,
 * created. `instanceName` resolves an instance id (undefined: deleted or in another region).
 */
export function backupColumns({
  instanceName,
  now,
  hideInstance,
}: {
  instanceName: (id: string | null | undefined) => string | undefined
  now: number
  hideInstance?: boolean
}): DataTableColumn<Backup>[] {
  const nameOrId = (id: string | null | undefined) => (id ? (instanceName(id) ?? id) : '')
  const columns: DataTableColumn<Backup>[] = [
    {
      id: 'name',
      header: 'Name',
      className: 'w-[26%]',
      hideable: false,
      sortValue: (b) => backupSortValue(b, 'name'),
      filterText: (b) => [b.name, b.id, b.description ?? undefined],
      cell: (b) => (
        // One line (an incremental's arrow, its name, then "Incremental"): the table's ellipsis,
        // title and focused row show a long name whole (a flex box was cut without a title).
        <>
          {b.parent_id ? (
            <CornerDownRight
              aria-hidden="true"
              className="me-1.5 inline size-3.5 align-[-0.125em] text-muted-foreground"
            />
          ) : null}
          <Link
            to="/backups/$backupId"
            params={{ backupId: b.id }}
            className="font-medium text-link underline-offset-4 hover:underline"
          >
            {b.name}
          </Link>
          {b.parent_id ? <span className="text-xs text-muted-foreground"> Incremental</span> : null}
        </>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      className: 'w-[14%]',
      sortValue: (b) => backupSortValue(b, 'status'),
      cell: (b) => <BackupStatusBadge status={b.status} id={b.id} />,
    },
    {
      id: 'instance',
      header: 'Instance',
      className: 'w-[16%]',
      sortValue: (b) => backupSortValue(b, 'instance', nameOrId),
      csv: (b) => b.instance_id ?? undefined,
      cell: (b) => {
        if (!b.instance_id) return <span className="text-muted-foreground">—</span>
        const inst = instanceName(b.instance_id)
        return inst ? (
          <Link
            to="/instances/$instanceId"
            params={{ instanceId: b.instance_id }}
            className="text-link underline-offset-4 hover:underline"
          >
            {inst}
          </Link>
        ) : (
          <span
            className="font-mono text-xs text-muted-foreground"
            title="Deleted or not in this region"
          >
            {b.instance_id.slice(0, 8)}
          </span>
        )
      },
    },
    {
      id: 'datastore',
      header: 'Datastore',
      className: 'w-[16%]',
      sortValue: (b) => backupSortValue(b, 'datastore'),
      csv: (b) => (b.datastore ? `${b.datastore.type} ${b.datastore.version}` : undefined),
      cell: (b) => (b.datastore ? `${b.datastore.type} ${b.datastore.version}` : '—'),
    },
    {
      id: 'size',
      header: 'Size',
      className: 'w-[12%]',
      sortValue: (b) => backupSortValue(b, 'size'),
      csv: (b) => b.size ?? undefined,
      cell: (b) => (b.size === null || b.size === undefined ? '—' : formatGb(b.size)),
    },
    {
      id: 'created',
      header: 'Created',
      className: 'w-[16%]',
      sortValue: (b) => backupSortValue(b, 'created'),
      cell: (b) => (
        <time
          dateTime={toIsoString(b.created)}
          title={formatDateTime(b.created, { seconds: true })}
        >
          {formatRelativeTime(b.created, now)}
        </time>
      ),
    },
  ]
  return hideInstance ? columns.filter((c) => c.id !== 'instance') : columns
}
