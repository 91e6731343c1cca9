import type { ScopeParams } from '@/api/instances/keys'
import { useDeleteInstance } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { BulkConfirmDialog } from '@/components/bulk-confirm-dialog'

/**
 * Deletes the selected instances one after the other, after the user types how many; stops at
 * the first refusal and shows it (the ones before it are deleted).
 */
export function BulkDeleteInstancesDialog({
  instances,
  scope,
  onClose,
}: {
  instances: Instance[]
  scope: ScopeParams
  onClose: () => void
}) {
  const m = useDeleteInstance(scope)
  return (
    <BulkConfirmDialog
      items={instances}
      noun={{ one: 'instance', other: 'instances' }}
      verb="Delete"
      description={
        <>
          Their volumes and the data on them are deleted; backups already taken are kept. This
          cannot be undone: {instances.map((i) => i.name).join(', ')}.
        </>
      }
      run={(instance) => m.mutateAsync({ instance })}
      onReset={m.reset}
      onClose={onClose}
    />
  )
}
