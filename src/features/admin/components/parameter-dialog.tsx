import { useEffect } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { PARAMETER_DATA_TYPES, type MgmtParameter } from '@/api/mgmt/schemas'
import { hasBounds } from '@/api/rules/parameter-bounds'
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
  const dataType = useWatch({ control: form.control, name: 'dataType' })
  const noMax = useWatch({ control: form.control, name: 'noMax' })
  const bounded = hasBounds(dataType)
  const integer = dataType === 'integer'
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
      <Field
        label="Type"
        error={errors.dataType?.message}
        description="Integer and string are what Trove's API registers; boolean and float parameters come with the datastore and keep their type here."
      >
        <Select {...form.register('dataType')}>
          {PARAMETER_DATA_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </Field>
      {bounded ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Minimum" required={integer} error={errors.min?.message}>
            <Input
              {...form.register('min')}
              inputMode={integer ? 'numeric' : 'decimal'}
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
          <Field label="Maximum" required={!noMax} error={errors.max?.message}>
            <Input
              {...form.register('max')}
              inputMode={integer ? 'numeric' : 'decimal'}
              autoComplete="off"
              spellCheck={false}
              disabled={noMax}
              placeholder={noMax ? 'No maximum' : undefined}
            />
          </Field>
          <CheckboxField
            className="sm:col-span-2"
            label="No maximum"
            description="Any value from the minimum up is accepted."
            {...form.register('noMax')}
          />
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
