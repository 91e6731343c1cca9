import { useMemo, type ReactNode } from 'react'
import { FormProvider, useForm, useWatch, type Resolver } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { z } from 'zod'
import type { MutationRequest } from '@/api/cli-twin/mutation-request'
import { CliTwin } from '@/components/cli-twin'
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
  /** The request the form sends for these values: shown as its CLI twin while they are valid. */
  twin?: (values: FormOutput) => MutationRequest
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
  twin,
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
        {twin ? <FormTwin schema={schema} twin={twin} /> : null}
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

/** The twin of the values as they are now: parsed by the form's own schema, as submit does. */
function FormTwin({
  schema,
  twin,
}: {
  schema: z.ZodType
  twin: (values: FormOutput) => MutationRequest
}) {
  const values: unknown = useWatch()
  const parsed = schema.safeParse(values)
  if (!parsed.success)
    return (
      <p className="text-xs text-muted-foreground" data-testid="cli-twin-invalid">
        The command line equivalent shows once the values are valid.
      </p>
    )
  return <CliTwin request={twin(parsed.data as FormOutput)} />
}
