import { useMemo, type ReactNode } from 'react'
import { FormProvider, useForm, type Resolver } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import type { FieldSpec, FormInput, FormOutput } from './field-spec'
import { SchemaFields } from './schema-fields'
import { defaultValuesFromSpecs, zodFromSpecs } from './zod-from-specs'

export interface SchemaFormProps {
  specs: readonly FieldSpec[]
  /** Initial values by field name (converted for the controls). */
  initialValues?: Record<string, unknown>
  /** Called with typed values (optional fields left empty are undefined). */
  onSubmit: (values: FormOutput) => void | Promise<void>
  submitLabel?: string
  pending?: boolean
  /** A message for the whole form (a server error that names no field). */
  formError?: string
  /** Extra buttons next to submit (Cancel). */
  actions?: ReactNode
  id?: string
}

/**
 * A complete form generated from field specs: react-hook-form with the zod schema built from
 * the same specs. For forms that mix generated and hand-written fields, use SchemaFields inside
 * your own FormProvider instead.
 */
export function SchemaForm({
  specs,
  initialValues,
  onSubmit,
  submitLabel = 'Save',
  pending,
  formError,
  actions,
  id,
}: SchemaFormProps) {
  const schema = useMemo(() => zodFromSpecs(specs), [specs])
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema) as unknown as Resolver<FormInput, unknown, FormOutput>,
    defaultValues: defaultValuesFromSpecs(specs, initialValues),
  })
  return (
    <FormProvider {...form}>
      <form id={id} noValidate className="grid gap-4" onSubmit={form.handleSubmit(onSubmit)}>
        {formError ? <Alert variant="error">{formError}</Alert> : null}
        <SchemaFields specs={specs} disabled={pending} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {submitLabel}
          </Button>
          {actions}
        </div>
      </form>
    </FormProvider>
  )
}
