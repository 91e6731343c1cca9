import { useDeleteInstance } from '@/api/instances/mutations'
import { instanceRequests } from '@/api/instances/requests'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { mutationDialogProps } from '@/components/form-dialog'
import type { InstanceDialogProps } from './instance-dialog-props'

/** Delete with a typed confirmation: the button works only once the name is typed exactly. */
export function DeleteInstanceDialog({
  instance,
  scope,
  open,
  onOpenChange,
  onDeleted,
}: InstanceDialogProps & { onDeleted?: () => void }) {
  const m = useDeleteInstance(scope)
  const props = mutationDialogProps(m, onOpenChange)
  return (
    <ConfirmDialog
      {...props}
      open={open}
      title={`Delete ${instance.name}?`}
      description={
        <>
          The instance, its volume and the data on it are deleted. Backups already taken are kept.
          This cannot be undone.
        </>
      }
      confirmLabel="Delete"
      twin={instanceRequests.delete(instance.id)}
      typeToConfirm={{ name: instance.name, label: 'Type the instance name to confirm' }}
      onConfirm={() =>
        m.mutate(
          { instance },
          {
            onSuccess: () => {
              props.onOpenChange(false)
              onDeleted?.()
            },
          },
        )
      }
    />
  )
}
