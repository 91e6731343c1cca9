import { useState } from 'react'
import type { ScopeParams } from '@/api/instances/keys'
import { useDeleteInstance } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { ActionDialog } from '@/components/action-dialog'

/** Delete with a typed confirmation: the button works only once the name is typed exactly. */
export function DeleteInstanceDialog({
  instance,
  scope,
  open,
  onOpenChange,
  onDeleted,
}: {
  instance: Instance
  scope: ScopeParams
  open: boolean
  onOpenChange: (open: boolean) => void
  onDeleted?: () => void
}) {
  const m = useDeleteInstance(scope)
  const [typed, setTyped] = useState('')
  const matches = typed === instance.name
  const close = (o: boolean) => {
    if (!o) {
      m.reset()
      setTyped('')
    }
    onOpenChange(o)
  }
  return (
    <ActionDialog
      open={open}
      onOpenChange={close}
      title={`Delete ${instance.name}?`}
      description={
        <>
          The instance, its volume and the data on it are deleted. Backups already taken are kept.
          This cannot be undone.
        </>
      }
      submitLabel="Delete"
      submitVariant="destructive"
      submitDisabled={!matches}
      pending={m.isPending}
      error={m.error}
      onSubmit={(e) => {
        e.preventDefault()
        if (!matches) return
        m.mutate(
          { instance },
          {
            onSuccess: () => {
              close(false)
              onDeleted?.()
            },
          },
        )
      }}
    >
      <Field
        label="Type the instance name to confirm"
        description={
          <>
            Type <strong className="font-mono">{instance.name}</strong>
          </>
        }
      >
        <Input
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
    </ActionDialog>
  )
}
