import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { ApiError } from '@/api/errors'
import { findFlavor, flavorsQueryOptions } from '@/api/flavors/queries'
import { flavorRef } from '@/api/flavors/schemas'
import type { ScopeParams } from '@/api/instances/keys'
import { useResizeFlavor } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { formatRamMb } from '@/lib/format'
import { resizeFlavorSchema } from '../forms/action-schemas'
import { ActionDialog } from '@/components/action-dialog'

export function ResizeFlavorDialog({
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
  const flavors = useQuery(flavorsQueryOptions(scope))
  const current = findFlavor(flavors.data, instance.flavor.id)
  const currentRef = current ? flavorRef(current) : String(instance.flavor.id)
  const m = useResizeFlavor(scope)
  const form = useForm<{ flavorRef: string }>({
    resolver: zodResolver(resizeFlavorSchema(currentRef)),
    defaultValues: { flavorRef: '' },
  })
  useEffect(() => {
    if (open) form.reset({ flavorRef: '' })
  }, [open, form])
  const others = (flavors.data ?? []).filter((f) => flavorRef(f) !== currentRef)
  return (
    <ActionDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) m.reset()
        onOpenChange(o)
      }}
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
      pending={m.isPending}
      error={m.error ?? (flavors.isError ? flavors.error : null)}
      onSubmit={form.handleSubmit((v) =>
        m.mutate(
          { instance, flavorRef: v.flavorRef },
          {
            onSuccess: () => onOpenChange(false),
            onError: (e) => {
              if (e instanceof ApiError && /flavor|ram|quota/i.test(e.message)) {
                form.setError('flavorRef', { message: e.message })
              }
            },
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
    </ActionDialog>
  )
}
