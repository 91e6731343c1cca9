import type { MgmtVersion } from '@/api/mgmt/schemas'
import { useDeleteVersion } from '@/api/mgmt/mutations'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { useScope } from '@/hooks/use-session'

/**
 * Deletes a datastore version after its name is typed (tenants lose it from the launch form).
 * Mount it while a version is chosen; `onDeleted` runs after the cloud accepted.
 */
export function DeleteVersionDialog({
  version,
  onClose,
  onDeleted,
}: {
  version: MgmtVersion
  onClose: () => void
  onDeleted: () => void
}) {
  const scope = useScope()
  const remove = useDeleteVersion(scope)
  return (
    <ConfirmDialog
      open
      title={`Delete ${version.datastore_name} ${version.name}?`}
      description="Its configuration parameters go with it. The cloud refuses while instances, backups or configuration groups use the version."
      confirmLabel="Delete version"
      typeToConfirm={{ name: version.name, label: 'Type the version name to confirm' }}
      pending={remove.isPending}
      error={remove.error}
      onOpenChange={(o) => {
        if (o) return
        remove.reset()
        onClose()
      }}
      onConfirm={() => remove.mutate(version.id, { onSuccess: onDeleted })}
    />
  )
}
