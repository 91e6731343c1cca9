import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { descendantsOf } from '@/api/rules/backup-chain'
import { useDeleteBackup } from '@/api/backups/mutations'
import { backupRequests } from '@/api/backups/requests'
import { backupsQueryOptions } from '@/api/backups/queries'
import type { Backup } from '@/api/backups/schemas'
import type { ScopeParams } from '@/api/instances/keys'
import { Alert } from '@/components/ui/alert'
import { ActionDialog } from '@/components/action-dialog'
import { quotaConsequence, quotaDeltasFor } from '@/api/preview/quota-delta'
import { ChangePreview } from '@/components/change-preview'
import { useQuotaUsage } from '@/hooks/use-quota-usage'

/**
 * Delete a backup, confirmed. Deleting a parent deletes every incremental built on it: the dialog
 * names them before anything happens.
 */
export function DeleteBackupDialog({
  scope,
  backup,
  open,
  onOpenChange,
  onDeleted,
}: {
  scope: ScopeParams
  backup: Backup
  open: boolean
  onOpenChange: (open: boolean) => void
  onDeleted?: () => void
}) {
  const backups = useQuery({ ...backupsQueryOptions(scope), enabled: open })
  const remove = useDeleteBackup(scope)
  const children = useMemo(
    () => descendantsOf(backups.data ?? [], backup.id),
    [backups.data, backup.id],
  )
  const { usage, limits } = useQuotaUsage(scope, open)
  const quota = quotaConsequence(
    quotaDeltasFor('delete-backup', { backupsGoing: children.length + 1 }),
    usage,
    limits,
  )
  const close = (o: boolean) => {
    if (!o) remove.reset()
    onOpenChange(o)
  }
  return (
    <ActionDialog
      open={open}
      onOpenChange={close}
      title={`Delete backup ${backup.name}?`}
      description="The backup's files are removed from object storage. This cannot be undone."
      submitLabel={children.length > 0 ? `Delete ${children.length + 1} backups` : 'Delete backup'}
      submitVariant="destructive"
      twin={backupRequests.delete(backup.id)}
      submitDisabled={backups.isPending}
      pending={remove.isPending}
      error={remove.error}
      onSubmit={(e) => {
        e.preventDefault()
        remove.mutate({ backup }, { onSuccess: () => (close(false), onDeleted?.()) })
      }}
    >
      {children.length > 0 ? (
        <Alert
          variant="warning"
          title={`${children.length} incremental backup${children.length === 1 ? '' : 's'} will be deleted too`}
        >
          <p>These depend on {backup.name} and cannot be restored without it:</p>
          <ul className="mt-1 list-disc pl-5" aria-label="Incremental backups deleted too">
            {children.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{c.name}</span>{' '}
                <span className="font-mono text-xs">({c.id.slice(0, 8)})</span>
              </li>
            ))}
          </ul>
        </Alert>
      ) : backups.isPending ? (
        <p className="text-sm text-muted-foreground">Checking for incremental backups…</p>
      ) : (
        <p className="text-sm text-muted-foreground">No incremental backup depends on it.</p>
      )}
      <ChangePreview consequences={quota ? [quota] : []} />
    </ActionDialog>
  )
}
