import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { finalBackupRequest, useDeleteWithFinalBackup } from '@/api/backups/final-backup'
import { backupRequests } from '@/api/backups/requests'
import { useDeleteInstance } from '@/api/instances/mutations'
import { instancesQueryOptions } from '@/api/instances/queries'
import { instanceRequests } from '@/api/instances/requests'
import { deleteNeedsTypedName } from '@/api/preview/change-preview'
import { InstanceChangePreview } from '@/components/change-preview'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { CheckboxField } from '@/components/ui/checkbox'
import type { InstanceDialogProps } from './instance-dialog-props'

/**
 * Delete, with the change preview (backups that survive, quota freed, replication) and "take a
 * final backup first": the backup is taken and the task tray deletes the instance once it is
 * COMPLETED (or keeps it and says why). A public or replicated instance needs its name typed.
 */
export function DeleteInstanceDialog({
  instance,
  scope,
  open,
  onOpenChange,
  onDeleted,
}: InstanceDialogProps & { onDeleted?: () => void }) {
  const now = useDeleteInstance(scope)
  const later = useDeleteWithFinalBackup(scope)
  const [finalBackup, setFinalBackup] = useState(false)
  const instances = useQuery({ ...instancesQueryOptions(scope), enabled: open })
  const typed = deleteNeedsTypedName(instance, instances.data)
  const close = (o: boolean) => {
    if (now.isPending || later.isPending) return
    if (!o) {
      now.reset()
      later.reset()
      setFinalBackup(false)
    }
    onOpenChange(o)
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={close}
      pending={now.isPending || later.isPending}
      error={finalBackup ? later.error : now.error}
      title={`Delete ${instance.name}?`}
      description={
        <>
          The instance, its volume and the data on it are deleted. Backups already taken are kept.
          This cannot be undone.
        </>
      }
      confirmLabel={finalBackup ? 'Back up, then delete' : 'Delete'}
      twin={
        finalBackup
          ? backupRequests.create(finalBackupRequest(instance, new Date()))
          : instanceRequests.delete(instance.id)
      }
      typeToConfirm={
        typed ? { name: instance.name, label: 'Type the instance name to confirm' } : undefined
      }
      onConfirm={() => {
        if (finalBackup) {
          // The tray owns the rest: the dialog closes once the backup is accepted.
          later.mutate({ instance }, { onSuccess: () => close(false) })
          return
        }
        now.mutate(
          { instance },
          {
            onSuccess: () => {
              close(false)
              onDeleted?.()
            },
          },
        )
      }}
    >
      <InstanceChangePreview scope={scope} action="delete" instance={instance} open={open} />
      <CheckboxField
        label="Take a final backup first"
        description="The instance is deleted only once the backup is COMPLETED; if the backup fails, the instance is kept and the task tray says why. You can leave this page meanwhile."
        checked={finalBackup}
        onChange={(e) => setFinalBackup(e.target.checked)}
      />
    </ConfirmDialog>
  )
}
