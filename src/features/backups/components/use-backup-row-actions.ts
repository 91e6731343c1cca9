import { useMemo } from 'react'
import { useNavigate } from '@tanstack/react-router'
import type { Backup } from '@/api/backups/schemas'
import { isBackupRestorable } from '@/api/backups/status'
import type { RowAction } from '@/components/data-table/row-actions-menu'

/** A backup row's actions (the backups page and an instance's Backups tab): open, restore, delete. */
export function useBackupRowActions(onDelete: (b: Backup) => void): RowAction<Backup>[] {
  const navigate = useNavigate()
  return useMemo<RowAction<Backup>[]>(
    () => [
      {
        label: 'Open',
        onSelect: (b) => void navigate({ to: '/backups/$backupId', params: { backupId: b.id } }),
      },
      {
        label: 'Restore',
        onSelect: (b) => void navigate({ to: '/instances/new', search: { restoreFrom: b.id } }),
        disabledReason: (b) =>
          isBackupRestorable(b) ? undefined : `Only a completed backup can be restored.`,
      },
      { label: 'Delete', destructive: true, onSelect: onDelete },
    ],
    [navigate, onDelete],
  )
}
