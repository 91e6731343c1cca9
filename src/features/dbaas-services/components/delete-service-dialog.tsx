import { useDeleteService } from '@/api/dbaas/mutations'
import type { Service } from '@/api/dbaas/schemas'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { dbaasTwins } from '@/api/dbaas/twin-requests'
import { useScope } from '@/hooks/use-session'

/** Delete a service (its instance and data), after typing its name. */
export function DeleteServiceDialog({
  service,
  open,
  onOpenChange,
  onDeleted,
}: {
  service: Service
  open: boolean
  onOpenChange: (open: boolean) => void
  onDeleted?: () => void
}) {
  const scope = useScope()
  const del = useDeleteService(scope)
  const protectedOn = service['termination-protection'] === true
  const close = (o: boolean) => {
    if (!o) del.reset()
    onOpenChange(o)
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={close}
      title={`Delete ${service.name}?`}
      description={
        protectedOn
          ? 'Termination protection is on: the cloud will refuse. Turn it off first.'
          : 'The instance and its data are deleted. This cannot be undone.'
      }
      confirmLabel="Delete"
      pending={del.isPending}
      error={del.error}
      typeToConfirm={{ name: service.name, label: 'Type the service name to confirm' }}
      twin={dbaasTwins.deleteService(service.name)}
      onConfirm={() =>
        del.mutate({ name: service.name }, { onSuccess: () => (close(false), onDeleted?.()) })
      }
    />
  )
}
