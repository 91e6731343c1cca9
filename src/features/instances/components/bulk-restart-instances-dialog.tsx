import type { ScopeParams } from '@/api/instances/keys'
import { useRestartInstance } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { BulkConfirmDialog } from '@/components/bulk-confirm-dialog'

/**
 * Restarts the selected instances one after the other, after one confirmation naming them all;
 * stops at the first refusal and shows it (the ones before it are restarting).
 */
export function BulkRestartInstancesDialog({
  instances,
  scope,
  onClose,
}: {
  instances: Instance[]
  scope: ScopeParams
  onClose: () => void
}) {
  const m = useRestartInstance(scope)
  return (
    <BulkConfirmDialog
      items={instances}
      noun={{ one: 'instance', other: 'instances' }}
      verb="Restart"
      typeToConfirm={false}
      description={
        <>
          Their database services restart: connections drop and each is unavailable for a moment
          (REBOOT until it is back): {instances.map((i) => i.name).join(', ')}.
        </>
      }
      run={(instance) => m.mutateAsync({ instance })}
      onReset={m.reset}
      onClose={onClose}
    />
  )
}
