import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { ApiError } from '@/api/errors'
import type { ScopeParams } from '@/api/instances/keys'
import { useResizeVolume } from '@/api/instances/mutations'
import type { Instance } from '@/api/instances/schemas'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { formatGb } from '@/lib/format'
import { resizeVolumeSchema } from '../forms/action-schemas'
import { ActionDialog } from '@/components/action-dialog'

export function ResizeVolumeDialog({
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
  const current = instance.volume?.size ?? 0
  const m = useResizeVolume(scope)
  const form = useForm<{ size: number }>({
    resolver: zodResolver(resizeVolumeSchema(current)),
    defaultValues: { size: current + 1 },
  })
  useEffect(() => {
    if (open) form.reset({ size: current + 1 })
  }, [open, current, form])
  return (
    <ActionDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) m.reset()
        onOpenChange(o)
      }}
      title={`Resize the volume of ${instance.name}`}
      description={
        <>
          Current size {formatGb(current)}
          {instance.volume?.used !== undefined ? `, ${formatGb(instance.volume.used)} used` : ''}.
          Volumes only grow; the instance shows RESIZE while the volume is extended.
        </>
      }
      submitLabel="Resize volume"
      pending={m.isPending}
      error={m.error}
      onSubmit={form.handleSubmit((v) =>
        m.mutate(
          { instance, size: v.size },
          {
            onSuccess: () => onOpenChange(false),
            onError: (e) => {
              if (e instanceof ApiError && /volume|size|quota/i.test(e.message)) {
                form.setError('size', { message: e.message })
              }
            },
          },
        ),
      )}
    >
      <Field label="New size (GB)" error={form.formState.errors.size?.message} required>
        <Input
          type="number"
          min={current + 1}
          step={1}
          {...form.register('size', { valueAsNumber: true })}
        />
      </Field>
    </ActionDialog>
  )
}
