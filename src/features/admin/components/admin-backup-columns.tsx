import { Link } from '@tanstack/react-router'
import type { Backup } from '@/api/backups/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { ProjectName } from '@/components/identity-name'
import { BackupStatusBadge } from '@/components/status/backup-status-badge'
import { formatDateTime, formatGb } from '@/lib/format'
import {
  adminBackupHaystack,
  adminBackupSortValue,
  backupDatastoreText,
} from '../lib/admin-backup-list'
import { type AdminBackupSort } from '../lib/admin-backup-search'

const sort = (col: AdminBackupSort) => (b: Backup) => adminBackupSortValue(b, col)

/** A project id's name, when the directory knows it. */
export type ProjectNameOf = (id: string) => string | undefined

/**
 * The all-projects backups list's columns. The project column shows, sorts and filters by the
 * project's name (the id on hover, in the filter and in the CSV).
 */
export const adminBackupColumns = (projectName: ProjectNameOf): DataTableColumn<Backup>[] => [
  {
    id: 'name',
    header: 'Name',
    className: 'w-[18%]',
    hideable: false,
    sortValue: sort('name'),
    filterText: adminBackupHaystack,
    cell: (b) => <span className="font-medium">{b.name}</span>,
  },
  {
    id: 'project',
    header: 'Project',
    className: 'w-[18%]',
    sortValue: (b) => (b.project_id ? (projectName(b.project_id) ?? b.project_id) : undefined),
    filterText: (b) => (b.project_id ? [projectName(b.project_id), b.project_id] : undefined),
    csv: (b) => b.project_id ?? undefined,
    cell: (b) => <ProjectName id={b.project_id} />,
  },
  {
    id: 'status',
    header: 'Status',
    className: 'w-[13%]',
    sortValue: sort('status'),
    filterText: (b) => b.status,
    cell: (b) => <BackupStatusBadge status={b.status} id={b.id} />,
  },
  {
    id: 'instance',
    header: 'Instance',
    className: 'w-[18%]',
    sortValue: sort('instance'),
    cell: (b) =>
      b.instance_id ? (
        <Link
          to="/admin/instances/$instanceId"
          params={{ instanceId: b.instance_id }}
          className="font-mono text-xs text-link underline-offset-4 hover:underline"
        >
          {b.instance_id}
        </Link>
      ) : (
        '—'
      ),
  },
  {
    id: 'datastore',
    header: 'Datastore',
    className: 'w-[11%]',
    sortValue: sort('datastore'),
    filterText: backupDatastoreText,
    cell: (b) => backupDatastoreText(b) || '—',
  },
  {
    id: 'size',
    header: 'Size',
    className: 'w-[8%]',
    sortValue: sort('size'),
    cell: (b) => formatGb(b.size),
  },
  {
    id: 'created',
    header: 'Created',
    className: 'w-[14%]',
    sortValue: sort('created'),
    cell: (b) => <span className="whitespace-nowrap">{formatDateTime(b.created)}</span>,
  },
]
