import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { ApiError } from '@/api/errors'
import type { ScopeParams } from '@/api/instances/keys'
import { useUpdateAccess } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { CheckboxField } from '@/components/ui/checkbox'
import { Field } from '@/components/ui/field'
import { Textarea } from '@/components/ui/input'
import {
  toAccessChange,
  updateAccessSchema,
  type UpdateAccessValues,
} from '../forms/action-schemas'
import { ActionDialog } from '@/components/action-dialog'

export function UpdateAccessDialog({
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
  const m = useUpdateAccess(scope)
  const defaults: UpdateAccessValues = {
    isPublic: instance.access?.is_public ?? false,
    allowedCidrs: (instance.access?.allowed_cidrs ?? []).join('\n'),
  }
  const form = useForm<UpdateAccessValues>({
    resolver: zodResolver(updateAccessSchema),
    defaultValues: defaults,
  })
  useEffect(() => {
    if (open) form.reset(defaults)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the dialog opens
  }, [open])
  return (
    <ActionDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) m.reset()
        onOpenChange(o)
      }}
      title={`Update access to ${instance.name}`}
      description="Who may reach the database over the network. The instance runs an update task meanwhile."
      submitLabel="Update access"
      pending={m.isPending}
      error={m.error}
      onSubmit={form.handleSubmit((v) =>
        m.mutate(
          { instance, access: toAccessChange(v) },
          {
            onSuccess: () => onOpenChange(false),
            onError: (e) => {
              if (e instanceof ApiError && /cidr|access/i.test(e.message)) {
                form.setError('allowedCidrs', { message: e.message })
              }
            },
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
    </ActionDialog>
  )
}
