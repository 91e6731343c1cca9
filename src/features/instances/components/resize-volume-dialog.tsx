import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { instanceRequests } from '@/api/instances/requests'
import { useResizeVolume } from '@/api/instances/mutations'
import { ActionDialog } from '@/components/action-dialog'
import { InstanceChangePreview } from '@/components/change-preview'
import { mutationDialogProps, refusalOnField, useResetOnOpen } from '@/components/form-dialog'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { formatGb } from '@/lib/format'
import { resizeVolumeSchema } from '../forms/action-schemas'
import type { InstanceDialogProps } from './instance-dialog-props'

export function ResizeVolumeDialog({ instance, scope, open, onOpenChange }: InstanceDialogProps) {
  const current = instance.volume?.size ?? 0
  const m = useResizeVolume(scope)
  const form = useForm<{ size: number }>({
    resolver: zodResolver(resizeVolumeSchema(current)),
    defaultValues: { size: current + 1 },
  })
  useResetOnOpen(form, open, { size: current + 1 })
  const size = useWatch({ control: form.control, name: 'size' })
  return (
    <ActionDialog
      {...mutationDialogProps(m, onOpenChange)}
      open={open}
      title={`Resize the volume of ${instance.name}`}
      description={
        <>
          Current size {formatGb(current)}
          {instance.volume?.used !== undefined ? `, ${formatGb(instance.volume.used)} used` : ''}.
          Volumes only grow; the instance shows RESIZE while the volume is extended.
        </>
      }
      submitLabel="Resize volume"
      twin={instanceRequests.resizeVolume(instance.id, Number.isFinite(size) ? size : current + 1)}
      onSubmit={form.handleSubmit((v) =>
        m.mutate(
          { instance, size: v.size },
          {
            onSuccess: () => onOpenChange(false),
            onError: refusalOnField(form, 'size', /volume|size|quota/i),
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
      <InstanceChangePreview
        scope={scope}
        action="resize-volume"
        instance={instance}
        open={open}
        extras={{ newVolumeSize: Number.isFinite(size) ? size : undefined }}
      />
    </ActionDialog>
  )
}
