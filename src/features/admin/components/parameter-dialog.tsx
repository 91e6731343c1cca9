import { useEffect } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { MgmtParameter } from '@/api/mgmt/schemas'
import { useSaveParameter } from '@/api/mgmt/mutations'
import { ActionDialog } from '@/components/action-dialog'
import { CheckboxField } from '@/components/ui/checkbox'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { useScope } from '@/hooks/use-session'
import {
  parameterDefaults,
  parameterFormSchema,
  parameterToForm,
  toParameterInput,
  type ParameterForm,
} from '../lib/parameter-form'

/** Registers (no `parameter`) or updates a configuration parameter of a datastore version. */
export function ParameterDialog({
  versionId,
  open,
  parameter,
  onClose,
}: {
  versionId: string
  open: boolean
  parameter: MgmtParameter | null
  onClose: () => void
}) {
  const scope = useScope()
  const mutation = useSaveParameter(scope, versionId)
  const form = useForm<ParameterForm>({
    resolver: zodResolver(parameterFormSchema),
    defaultValues: parameterDefaults,
  })
  useEffect(() => {
    if (open) form.reset(parameter ? parameterToForm(parameter) : parameterDefaults)
  }, [open, parameter, form])
  const errors = form.formState.errors
  const integer = useWatch({ control: form.control, name: 'dataType' }) === 'integer'
  const close = () => {
    mutation.reset()
    onClose()
  }
  const submit = form.handleSubmit((values) =>
    mutation.mutate(
      { input: toParameterInput(values), existing: parameter !== null },
      { onSuccess: close },
    ),
  )
  return (
    <ActionDialog
      open={open}
      onOpenChange={(o) => (o ? undefined : close())}
      title={parameter ? `Edit parameter ${parameter.name}` : 'Register a parameter'}
      description="Configuration groups of this version accept the parameter at once, validated against its type and bounds."
      submitLabel={parameter ? 'Save parameter' : 'Register parameter'}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
    >
      <Field label="Name" required error={errors.name?.message}>
        <Input {...form.register('name')} readOnly={parameter !== null} autoComplete="off" />
      </Field>
      <Field label="Type" error={errors.dataType?.message}>
        <Select {...form.register('dataType')}>
          <option value="integer">integer</option>
          <option value="string">string</option>
        </Select>
      </Field>
      {integer ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Minimum" required error={errors.min?.message}>
            <Input {...form.register('min')} inputMode="numeric" autoComplete="off" />
          </Field>
          <Field label="Maximum" required error={errors.max?.message}>
            <Input {...form.register('max')} inputMode="numeric" autoComplete="off" />
          </Field>
        </div>
      ) : null}
      <CheckboxField
        label="Restart required"
        description="Changing it marks attached instances RESTART_REQUIRED."
        {...form.register('restartRequired')}
      />
    </ActionDialog>
  )
}
