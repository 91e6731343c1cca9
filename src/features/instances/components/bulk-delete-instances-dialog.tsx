import { useMemo } from 'react'
import type { ScopeParams } from '@/api/instances/keys'
import { useDeleteInstance } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { waitUntilGone } from '@/api/instances/wait-gone'
import { deleteOrder, replicasToAwait } from '@/api/preview/delete-order'
import { BulkConfirmDialog } from '@/components/bulk-confirm-dialog'
import { ChangePreview } from '@/components/change-preview'
import { useBulkDeletePreview } from '@/hooks/use-change-preview'

/**
 * Deletes the selected instances one after the other, a selected replica before its selected
 * source (which is deleted once they are gone); stops at the first refusal and shows it (the ones
 * before it are deleted). One change preview sums every selected instance. The user
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
  const ordered = useMemo(
    () => deleteOrder(instances, preview.instances),
    [instances, preview.instances],
  )
  return (
    <BulkConfirmDialog
      items={ordered}
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
      run={async (instance) => {
        // A source goes once the replicas deleted before it are gone (Trove refuses it before).
        const replicas = replicasToAwait(instance, instances, preview.instances)
        if (replicas.length > 0) await waitUntilGone(scope, replicas)
        return m.mutateAsync({ instance })
      }}
      onReset={m.reset}
      onClose={onClose}
    >
      <ChangePreview consequences={preview.consequences} />
    </BulkConfirmDialog>
  )
}
