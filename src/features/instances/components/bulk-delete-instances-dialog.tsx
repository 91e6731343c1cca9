import { useState } from 'react'
import type { ScopeParams } from '@/api/instances/keys'
import { useDeleteInstance } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { ConfirmDialog } from '@/components/confirm-dialog'

/**
 * Deletes the selected instances one after the other, after the user types how many; stops at
 * the first refusal and shows it (the ones before it are deleted).
 */
export function BulkDeleteInstancesDialog({
  instances,
  scope,
  onOpenChange,
  onDone,
}: {
  instances: Instance[]
  scope: ScopeParams
  onOpenChange: (open: boolean) => void
  onDone: () => void
}) {
  const m = useDeleteInstance(scope)
  const [running, setRunning] = useState(false)
  const n = instances.length
  const what = `${n} ${n === 1 ? 'instance' : 'instances'}`
  return (
    <ConfirmDialog
      open={n > 0}
      onOpenChange={(o) => {
        if (o) return
        m.reset()
        onOpenChange(false)
      }}
      title={`Delete ${what}?`}
      description={
        <>
          Their volumes and the data on them are deleted; backups already taken are kept. This
          cannot be undone: {instances.map((i) => i.name).join(', ')}.
        </>
      }
      confirmLabel={`Delete ${what}`}
      typeToConfirm={{ name: what, label: `Type “${what}” to confirm` }}
      pending={running}
      error={m.error}
      onConfirm={() => {
        setRunning(true)
        void (async () => {
          try {
            for (const instance of instances) await m.mutateAsync({ instance })
            onDone()
          } catch {
            // m.error holds the refusal; the dialog shows it.
          } finally {
            setRunning(false)
          }
        })()
      }}
    />
  )
}
