import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { ScopeParams } from '@/api/instances/keys'
import { useRenameInstance } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { renameSchema } from '../forms/action-schemas'
import { ActionDialog } from '@/components/action-dialog'

export function RenameDialog({
  instance,
  scope,
  open,
  onOpenChange,
}: {
  instance: Instance
  scope: ScopeParams
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const m = useRenameInstance(scope)
  const form = useForm<{ newName: string }>({
    resolver: zodResolver(renameSchema(instance.name)),
    defaultValues: { newName: instance.name },
  })
  useEffect(() => {
    if (open) form.reset({ newName: instance.name })
  }, [open, instance.name, form])
  return (
    <ActionDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) m.reset()
        onOpenChange(o)
      }}
      title={`Rename ${instance.name}`}
      description="Only the name in the console and the API changes; addresses and data stay."
      submitLabel="Rename"
      pending={m.isPending}
      error={m.error}
      onSubmit={form.handleSubmit((v) =>
        m.mutate({ instance, newName: v.newName }, { onSuccess: () => onOpenChange(false) }),
      )}
    >
      <Field label="New name" error={form.formState.errors.newName?.message} required>
        <Input autoComplete="off" {...form.register('newName')} />
      </Field>
    </ActionDialog>
  )
}
