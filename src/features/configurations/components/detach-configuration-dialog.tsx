import { toast } from '@/lib/toast'
import { useDetachConfiguration } from '@/api/configurations/mutations'
import type { ScopeParams } from '@/api/instances/keys'
import type { InstanceRef } from '@/api/instances/mutations'
import { instanceRequests } from '@/api/instances/requests'
import { useQuery } from '@tanstack/react-query'
import { instancesQueryOptions } from '@/api/instances/queries'
import { InstanceChangePreview } from '@/components/change-preview'
import { ConfirmDialog } from '@/components/confirm-dialog'

/** Confirms detaching a group from an instance (its values stop applying; a restart may follow). */
export function DetachConfigurationDialog({
  scope,
  instance,
  group,
  open,
  onOpenChange,
}: {
  scope: ScopeParams
  instance: InstanceRef
  group: { id: string; name: string }
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const m = useDetachConfiguration(scope)
  const full = useQuery({ ...instancesQueryOptions(scope), enabled: open }).data?.find(
    (i) => i.id === instance.id,
  )
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) m.reset()
        onOpenChange(o)
      }}
      title={`Detach ${group.name} from ${instance.name}?`}
      description="The instance goes back to the datastore defaults. Values that need a restart keep their old setting until the database restarts."
      confirmLabel="Detach"
      twin={instanceRequests.detachConfiguration(instance.id)}
      pending={m.isPending}
      error={m.error}
      onConfirm={() =>
        m.mutate(
          { instance, configurationId: group.id },
          {
            onSuccess: () => {
              onOpenChange(false)
              toast.success(`Configuration group detached from ${instance.name}.`)
            },
          },
        )
      }
    >
      {full ? (
        <InstanceChangePreview
          scope={scope}
          action="detach-configuration"
          instance={full}
          open={open}
        />
      ) : null}
    </ConfirmDialog>
  )
}
