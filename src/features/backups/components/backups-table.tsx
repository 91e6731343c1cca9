import { useMemo } from 'react'
import type { Backup } from '@/api/backups/schemas'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { backupColumns } from './backup-columns'

/**
 * A short, fixed list of backups (an instance's Backups tab), drawn from the same columns as the
 * backups page's data table. Unfinished: move it onto the data table once its route's search
 * schema has the table fields (the routes are being changed elsewhere).
 */
export function BackupsTable({
  rows,
  label,
  instanceName,
  now,
  hideInstance,
}: {
  rows: readonly Backup[]
  label: string
  instanceName: (id: string | null | undefined) => string | undefined
  now: number
  hideInstance?: boolean
}) {
  const columns = useMemo(
    () => backupColumns({ instanceName, now, hideInstance }),
    [instanceName, now, hideInstance],
  )
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {columns.map((c) => (
            <TableHead key={c.id}>{c.header}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((b) => (
          <TableRow key={b.id} data-testid="backup-row">
            {columns.map((c) => (
              <TableCell key={c.id} className={c.id === 'name' ? 'max-w-72' : undefined}>
                {c.cell(b)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
