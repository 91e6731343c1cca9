import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { instanceRequests } from '@/api/instances/requests'
import { useRenameInstance } from '@/api/instances/mutations'
import { ActionDialog } from '@/components/action-dialog'
import { InstanceChangePreview } from '@/components/change-preview'
import { mutationDialogProps, useResetOnOpen } from '@/components/form-dialog'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { renameSchema } from '../forms/action-schemas'
import type { InstanceDialogProps } from './instance-dialog-props'

export function RenameDialog({ instance, scope, open, onOpenChange }: InstanceDialogProps) {
  const m = useRenameInstance(scope)
  const form = useForm<{ newName: string }>({
    resolver: zodResolver(renameSchema(instance.name)),
    defaultValues: { newName: instance.name },
  })
  useResetOnOpen(form, open, { newName: instance.name })
  const newName = useWatch({ control: form.control, name: 'newName' })
  return (
    <ActionDialog
      {...mutationDialogProps(m, onOpenChange)}
      open={open}
      title={`Rename ${instance.name}`}
      description="Only the name in the console and the API changes; addresses and data stay."
      submitLabel="Rename"
      twin={instanceRequests.rename(instance.id, newName)}
      onSubmit={form.handleSubmit((v) =>
        m.mutate({ instance, newName: v.newName }, { onSuccess: () => onOpenChange(false) }),
      )}
    >
      <Field label="New name" error={form.formState.errors.newName?.message} required>
        <Input autoComplete="off" {...form.register('newName')} />
      </Field>
      <InstanceChangePreview
        scope={scope}
        action="rename"
        instance={instance}
        open={open}
        extras={{ newName }}
      />
    </ActionDialog>
  )
}
