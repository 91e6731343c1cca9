import { Link } from '@tanstack/react-router'
import { ArrowDown, ArrowUp, ArrowUpDown, CornerDownRight } from 'lucide-react'
import type { Backup } from '@/api/backups/schemas'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { formatDateTime, formatGb, formatRelativeTime, toIsoString } from '@/lib/format'
import type { BackupSortColumn, SortDir } from '../lib/backup-list'
import { BackupStatusBadge } from '@/components/status/backup-status-badge'

const COLUMNS: { id: BackupSortColumn; label: string }[] = [
  { id: 'name', label: 'Name' },
  { id: 'status', label: 'Status' },
  { id: 'instance', label: 'Instance' },
  { id: 'datastore', label: 'Datastore' },
  { id: 'size', label: 'Size' },
  { id: 'created', label: 'Created' },
]

/**
 * Backups as a table: name (incrementals marked), status, instance, datastore, size, created.
 * With `onSort`, column headers are sort buttons and say their state with aria-sort.
 */
export function BackupsTable({
  rows,
  label,
  instanceName,
  now,
  sort,
  dir,
  onSort,
  hideInstance,
}: {
  rows: readonly Backup[]
  label: string
  instanceName: (id: string | null | undefined) => string | undefined
  now: number
  sort?: BackupSortColumn
  dir?: SortDir
  onSort?: (col: BackupSortColumn) => void
  hideInstance?: boolean
}) {
  const columns = hideInstance ? COLUMNS.filter((c) => c.id !== 'instance') : COLUMNS
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {columns.map((c) => {
            const active = c.id === sort
            const Icon = active ? (dir === 'asc' ? ArrowUp : ArrowDown) : ArrowUpDown
            return (
              <TableHead
                key={c.id}
                aria-sort={
                  onSort
                    ? active
                      ? dir === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : 'none'
                    : undefined
                }
              >
                {onSort ? (
                  <button
                    type="button"
                    onClick={() => onSort(c.id)}
                    className="inline-flex items-center gap-1 rounded hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
                  >
                    {c.label}
                    <Icon aria-hidden="true" className="size-3.5" />
                  </button>
                ) : (
                  c.label
                )}
              </TableHead>
            )
          })}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((b) => {
          const inst = b.instance_id ? instanceName(b.instance_id) : undefined
          return (
            <TableRow key={b.id} data-testid="backup-row">
              <TableCell className="max-w-72">
                <div className="flex items-center gap-1.5">
                  {b.parent_id ? (
                    <CornerDownRight
                      aria-label="Incremental"
                      className="size-3.5 shrink-0 text-muted-foreground"
                    />
                  ) : null}
                  <Link
                    to="/backups/$backupId"
                    params={{ backupId: b.id }}
                    className="truncate font-medium text-link underline-offset-4 hover:underline"
                  >
                    {b.name}
                  </Link>
                </div>
                {b.parent_id ? (
                  <span className="text-xs text-muted-foreground">Incremental</span>
                ) : null}
              </TableCell>
              <TableCell>
                <BackupStatusBadge status={b.status} />
              </TableCell>
              {hideInstance ? null : (
                <TableCell>
                  {b.instance_id ? (
                    inst ? (
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
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </TableCell>
              )}
              <TableCell>
                {b.datastore ? `${b.datastore.type} ${b.datastore.version}` : '—'}
              </TableCell>
              <TableCell>
                {b.size === null || b.size === undefined ? '—' : formatGb(b.size)}
              </TableCell>
              <TableCell>
                <time
                  dateTime={toIsoString(b.created)}
                  title={formatDateTime(b.created, { seconds: true })}
                >
                  {formatRelativeTime(b.created, now)}
                </time>
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
