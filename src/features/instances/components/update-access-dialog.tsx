import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { instanceRequests } from '@/api/instances/requests'
import { useUpdateAccess } from '@/api/instances/mutations'
import { ActionDialog } from '@/components/action-dialog'
import { InstanceChangePreview } from '@/components/change-preview'
import { mutationDialogProps, refusalOnField, useResetOnOpen } from '@/components/form-dialog'
import { CheckboxField } from '@/components/ui/checkbox'
import { Field } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import {
  toAccessChange,
  updateAccessSchema,
  type UpdateAccessValues,
} from '../forms/action-schemas'
import type { InstanceDialogProps } from './instance-dialog-props'

export function UpdateAccessDialog({ instance, scope, open, onOpenChange }: InstanceDialogProps) {
  const m = useUpdateAccess(scope)
  const defaults: UpdateAccessValues = {
    isPublic: instance.access?.is_public ?? false,
    allowedCidrs: (instance.access?.allowed_cidrs ?? []).join('\n'),
  }
  const form = useForm<UpdateAccessValues>({
    resolver: zodResolver(updateAccessSchema),
    defaultValues: defaults,
  })
  useResetOnOpen(form, open, defaults)
  const values = useWatch({ control: form.control })
  const change = toAccessChange({
    isPublic: values.isPublic ?? false,
    allowedCidrs: values.allowedCidrs ?? '',
  })
  return (
    <ActionDialog
      {...mutationDialogProps(m, onOpenChange)}
      open={open}
      title={`Update access to ${instance.name}`}
      description="Who may reach the database over the network. The instance runs an update task meanwhile."
      submitLabel="Update access"
      twin={instanceRequests.updateAccess(instance.id, change)}
      onSubmit={form.handleSubmit((v) =>
        m.mutate(
          { instance, access: toAccessChange(v) },
          {
            onSuccess: () => onOpenChange(false),
            onError: refusalOnField(form, 'allowedCidrs', /cidr|access/i),
          },
        ),
      )}
    >
      <CheckboxField
        label="Public"
        description="Give the instance a public address."
        {...form.register('isPublic')}
      />
      <Field
        label="Allowed CIDRs"
        description="One IPv4 or IPv6 CIDR per line, e.g. 203.0.113.0/24. Empty: no restriction."
        error={form.formState.errors.allowedCidrs?.message}
      >
        <Textarea rows={4} className="font-mono" {...form.register('allowedCidrs')} />
      </Field>
      <InstanceChangePreview
        scope={scope}
        action="update-access"
        instance={instance}
        open={open}
        extras={{ newAccess: change }}
      />
    </ActionDialog>
  )
}
