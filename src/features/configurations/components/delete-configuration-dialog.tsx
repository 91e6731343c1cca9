import { toast } from '@/lib/toast'
import type { ScopeParams } from '@/api/instances/keys'
import { useDeleteConfiguration } from '@/api/configurations/mutations'
import { configurationRequests } from '@/api/configurations/requests'
import { ConfirmDialog } from '@/components/confirm-dialog'

/**
 * Confirms a delete by typing the group's name (as for instances); the cloud's refusal (still
 * attached) is shown in the dialog.
 */
export function DeleteConfigurationDialog({
  scope,
  group,
  attached,
  open,
  onOpenChange,
  onDeleted,
}: {
  scope: ScopeParams
  group: { id: string; name: string }
  /** Instances using the group (undefined: not known here). */
  attached: number | undefined
  open: boolean
  onOpenChange: (open: boolean) => void
  onDeleted?: () => void
}) {
  const m = useDeleteConfiguration(scope)
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) m.reset()
        onOpenChange(o)
      }}
      title={`Delete configuration group ${group.name}?`}
      description={`The group and its values are removed. This cannot be undone.${
        attached
          ? ` It is attached to ${attached} instance${attached === 1 ? '' : 's'}: the cloud refuses to delete it until it is detached.`
          : ''
      }`}
      confirmLabel="Delete group"
      typeToConfirm={{ name: group.name, label: 'Type the group name to confirm' }}
      twin={configurationRequests.delete(group.id)}
      pending={m.isPending}
      error={m.error}
      onConfirm={() =>
        m.mutate(
          { id: group.id },
          {
            onSuccess: () => {
              onOpenChange(false)
              toast.success(`Configuration group ${group.name} deleted.`)
              onDeleted?.()
            },
          },
        )
      }
    />
  )
}
