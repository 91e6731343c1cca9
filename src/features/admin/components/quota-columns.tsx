import { useFormContext, useFormState } from 'react-hook-form'
import type { QuotaUsage } from '@/api/mgmt/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import type { QuotaForm } from '../lib/quota-form'
import { quotaSortValue, quotaUnit } from '../lib/quota-list'

/** A limit's text field, registered in the quota form around the table (FormProvider). */
function LimitInput({ resource, formId }: { resource: string; formId: string }) {
  const { register, control } = useFormContext<QuotaForm>()
  const { errors } = useFormState({ control, name: `limits.${resource}` })
  return (
    <Field label={`Limit for ${resource}`} hideLabel error={errors.limits?.[resource]?.message}>
      <Input
        {...register(`limits.${resource}`)}
        form={formId}
        inputMode="numeric"
        className="max-w-32"
      />
    </Field>
  )
}

/** A project's quota: resource, in use, reserved, and the limit as an editable field. */
export function quotaColumns(formId: string): DataTableColumn<QuotaUsage>[] {
  return [
    {
      id: 'resource',
      header: 'Resource',
      className: 'w-[34%]',
      hideable: false,
      sortValue: (q) => quotaSortValue(q, 'resource'),
      filterText: (q) => [q.resource, quotaUnit(q.resource)],
      cell: (q) => (
        <>
          {q.resource} <span className="text-muted-foreground">({quotaUnit(q.resource)})</span>
        </>
      ),
    },
    {
      id: 'inUse',
      header: 'In use',
      className: 'w-[18%]',
      sortValue: (q) => quotaSortValue(q, 'inUse'),
      cell: (q) => q.in_use,
    },
    {
      id: 'reserved',
      header: 'Reserved',
      className: 'w-[18%]',
      sortValue: (q) => quotaSortValue(q, 'reserved'),
      cell: (q) => q.reserved,
    },
    {
      id: 'limit',
      header: 'Limit',
      className: 'w-[30%] overflow-visible whitespace-normal',
      hideable: false,
      sortValue: (q) => quotaSortValue(q, 'limit'),
      csv: (q) => q.limit,
      cell: (q) => <LimitInput resource={q.resource} formId={formId} />,
    },
  ]
}
