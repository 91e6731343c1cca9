import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { findFlavor, flavorsQueryOptions } from '@/api/flavors/queries'
import { flavorRef } from '@/api/flavors/schemas'
import { instanceRequests } from '@/api/instances/requests'
import { useResizeFlavor } from '@/api/instances/mutations'
import { ActionDialog } from '@/components/action-dialog'
import { InstanceChangePreview } from '@/components/change-preview'
import { mutationDialogProps, refusalOnField, useResetOnOpen } from '@/components/form-dialog'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { formatRamMb } from '@/lib/format'
import { resizeFlavorSchema } from '../forms/action-schemas'
import type { InstanceDialogProps } from './instance-dialog-props'

export function ResizeFlavorDialog({ instance, scope, open, onOpenChange }: InstanceDialogProps) {
  const flavors = useQuery(flavorsQueryOptions(scope))
  const current = findFlavor(flavors.data, instance.flavor.id)
  const currentRef = current ? flavorRef(current) : String(instance.flavor.id)
  const m = useResizeFlavor(scope)
  const form = useForm<{ flavorRef: string }>({
    resolver: zodResolver(resizeFlavorSchema(currentRef)),
    defaultValues: { flavorRef: '' },
  })
  useResetOnOpen(form, open, { flavorRef: '' })
  const chosen = useWatch({ control: form.control, name: 'flavorRef' })
  const others = (flavors.data ?? []).filter((f) => flavorRef(f) !== currentRef)
  return (
    <ActionDialog
      {...mutationDialogProps(m, onOpenChange)}
      error={m.error ?? (flavors.isError ? flavors.error : null)}
      open={open}
      title={`Resize ${instance.name}`}
      description={
        <>
          Current flavor{' '}
          {current
            ? `${current.name} (${current.vcpus ?? '?'} vCPU, ${formatRamMb(current.ram)})`
            : currentRef}
          . The instance restarts on the new flavor and shows RESIZE meanwhile.
        </>
      }
      submitLabel="Resize flavor"
      twin={instanceRequests.resizeFlavor(instance.id, chosen || '<flavor>')}
      onSubmit={form.handleSubmit((v) =>
        m.mutate(
          { instance, flavorRef: v.flavorRef },
          {
            onSuccess: () => onOpenChange(false),
            onError: refusalOnField(form, 'flavorRef', /flavor|ram|quota/i),
          },
        ),
      )}
    >
      <Field label="New flavor" error={form.formState.errors.flavorRef?.message} required>
        <Select disabled={flavors.isPending} {...form.register('flavorRef')}>
          <option value="">{flavors.isPending ? 'Loading flavors…' : 'Choose a flavor'}</option>
          {others.map((f) => (
            <option key={flavorRef(f)} value={flavorRef(f)}>
              {f.name} · {f.vcpus ?? '?'} vCPU · {formatRamMb(f.ram)} RAM
            </option>
          ))}
        </Select>
      </Field>
      <InstanceChangePreview
        scope={scope}
        action="resize-flavor"
        instance={instance}
        open={open}
        extras={{ newFlavorRef: chosen || undefined }}
      />
    </ActionDialog>
  )
}
