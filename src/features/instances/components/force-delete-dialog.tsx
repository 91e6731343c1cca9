import { useState } from 'react'
import { useDeleteInstance, useResetStatus } from '@/api/instances/mutations'
import { ConfirmDialog } from '@/components/confirm-dialog'
import type { InstanceDialogProps } from './instance-dialog-props'

/**
 * Force delete, as `openstack database instance force delete` does it: reset the status (an
 * admin-only action), then delete. For an instance stuck in a task or in ERROR that a plain
 * delete cannot remove. Confirmed by typing the name.
 */
export function ForceDeleteDialog({
  instance,
  scope,
  open,
  onOpenChange,
  onDeleted,
}: InstanceDialogProps & { onDeleted?: () => void }) {
  const reset = useResetStatus(scope)
  const remove = useDeleteInstance(scope)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<unknown>(null)
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) {
          setError(null)
          reset.reset()
          remove.reset()
        }
        onOpenChange(o)
      }}
      title={`Force delete ${instance.name}?`}
      description={
        <>
          The cloud first forgets the task the instance is in (reset status), then deletes the
          instance, its volume and the data on it, whatever state it is in. Backups already taken
          are kept. This cannot be undone.
        </>
      }
      confirmLabel="Force delete"
      typeToConfirm={{ name: instance.name, label: 'Type the instance name to confirm' }}
      pending={running}
      error={error}
      onConfirm={() => {
        setRunning(true)
        setError(null)
        void (async () => {
          try {
            await reset.mutateAsync({ instance })
            await remove.mutateAsync({ instance })
            onOpenChange(false)
            onDeleted?.()
          } catch (e) {
            setError(e)
          } finally {
            setRunning(false)
          }
        })()
      }}
    />
  )
}
