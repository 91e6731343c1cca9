import { useResetStatus, useRestartInstance } from '@/api/instances/mutations'
import { instanceRequests } from '@/api/instances/requests'
import { InstanceChangePreview } from '@/components/change-preview'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { mutationDialogProps } from '@/components/form-dialog'
import type { InstanceDialogProps } from './instance-dialog-props'

export function RestartDialog({ instance, scope, open, onOpenChange }: InstanceDialogProps) {
  const m = useRestartInstance(scope)
  return (
    <ConfirmDialog
      {...mutationDialogProps(m, onOpenChange)}
      open={open}
      title={`Restart ${instance.name}?`}
      description="The database service restarts: connections drop and it is unavailable for a moment. The instance shows REBOOT until it is back."
      confirmLabel="Restart"
      confirmVariant="default"
      twin={instanceRequests.restart(instance.id)}
      onConfirm={() => m.mutate({ instance }, { onSuccess: () => onOpenChange(false) })}
    >
      <InstanceChangePreview scope={scope} action="restart" instance={instance} open={open} />
    </ConfirmDialog>
  )
}

export function ResetStatusDialog({ instance, scope, open, onOpenChange }: InstanceDialogProps) {
  const m = useResetStatus(scope)
  return (
    <ConfirmDialog
      {...mutationDialogProps(m, onOpenChange)}
      open={open}
      title={`Reset the status of ${instance.name}?`}
      description="For an instance stuck in a task: the cloud clears the task and marks the datastore status unknown until the guest agent reports again. Running backups of the instance are marked failed. Nothing is restarted."
      confirmLabel="Reset status"
      twin={instanceRequests.resetStatus(instance.id)}
      onConfirm={() => m.mutate({ instance }, { onSuccess: () => onOpenChange(false) })}
    >
      <InstanceChangePreview scope={scope} action="reset-status" instance={instance} open={open} />
    </ConfirmDialog>
  )
}
