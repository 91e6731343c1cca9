import type { ScopeParams } from '@/api/instances/keys'
import { useDeleteInstance } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { BulkConfirmDialog } from '@/components/bulk-confirm-dialog'
import { ChangePreview } from '@/components/change-preview'
import { useBulkDeletePreview } from '@/hooks/use-change-preview'

/**
 * Deletes the selected instances one after the other; stops at the first refusal and shows it
 * (the ones before it are deleted). One change preview sums every selected instance. The user
 * types how many, or, when some are public or replicated, their names (as the single delete asks).
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
  const preview = useBulkDeletePreview(scope, instances, instances.length > 0)
  const names = preview.namesToType.join(', ')
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
      confirmName={
        names
          ? {
              name: names,
              label: `${preview.namesToType.length === 1 ? 'This one is' : 'These are'} public or replicated: type “${names}” to confirm`,
            }
          : undefined
      }
      run={(instance) => m.mutateAsync({ instance })}
      onReset={m.reset}
      onClose={onClose}
    >
      <ChangePreview consequences={preview.consequences} />
    </BulkConfirmDialog>
  )
}
