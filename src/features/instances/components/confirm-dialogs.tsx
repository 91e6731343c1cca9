import type { ScopeParams } from '@/api/instances/keys'
import { useResetStatus, useRestartInstance } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { ActionDialog } from '@/components/action-dialog'

interface DialogProps {
  instance: Instance
  scope: ScopeParams
  open: boolean
  onOpenChange: (open: boolean) => void
}

export function RestartDialog({ instance, scope, open, onOpenChange }: DialogProps) {
  const m = useRestartInstance(scope)
  return (
    <ActionDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) m.reset()
        onOpenChange(o)
      }}
      title={`Restart ${instance.name}?`}
      description="The database service restarts: connections drop and it is unavailable for a moment. The instance shows REBOOT until it is back."
      submitLabel="Restart"
      pending={m.isPending}
      error={m.error}
      onSubmit={(e) => {
        e.preventDefault()
        m.mutate({ instance }, { onSuccess: () => onOpenChange(false) })
      }}
    />
  )
}

export function ResetStatusDialog({ instance, scope, open, onOpenChange }: DialogProps) {
  const m = useResetStatus(scope)
  return (
    <ActionDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) m.reset()
        onOpenChange(o)
      }}
      title={`Reset the status of ${instance.name}?`}
      description="For an instance stuck in a task: the cloud clears the task and marks the datastore status unknown until the guest agent reports again. Running backups of the instance are marked failed. Nothing is restarted."
      submitLabel="Reset status"
      submitVariant="destructive"
      pending={m.isPending}
      error={m.error}
      onSubmit={(e) => {
        e.preventDefault()
        m.mutate({ instance }, { onSuccess: () => onOpenChange(false) })
      }}
    />
  )
}
