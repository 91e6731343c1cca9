import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { useUpgradeDatastoreVersion } from '@/api/replication/mutations'
import { Field } from '@/components/ui/field'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { instanceRequests } from '@/api/instances/requests'
import { ActionDialog } from '@/components/action-dialog'
import { InstanceChangePreview } from '@/components/change-preview'
import { mutationDialogProps } from '@/components/form-dialog'
import type { InstanceDialogProps } from './instance-dialog-props'

/**
 * Upgrade the datastore version (instance-extras area): the other active versions of the same
 * datastore (the datastore list holds only active ones); UPGRADE, then ACTIVE on the new one.
 */
export function UpgradeDialog({ instance, scope, open, onOpenChange }: InstanceDialogProps) {
  const m = useUpgradeDatastoreVersion(scope)
  const datastores = useQuery({ ...datastoresQueryOptions(scope), enabled: open })
  const ds = datastores.data?.find(
    (d) => d.name === instance.datastore.type || d.id === instance.datastore.type,
  )
  const versions = (ds?.versions ?? []).filter((v) => v.name !== instance.datastore.version)
  const [choice, setChoice] = useState('')
  const selected = versions.find((v) => v.id === choice) ?? versions[0]
  return (
    <ActionDialog
      {...mutationDialogProps(m, onOpenChange)}
      open={open}
      title={`Upgrade ${instance.name}`}
      description={`The instance runs ${instance.datastore.type} ${instance.datastore.version}. It shows UPGRADE while the cloud replaces the datastore, and is unavailable meanwhile.`}
      submitLabel="Upgrade"
      twin={selected ? instanceRequests.upgrade(instance.id, selected.id) : undefined}
      submitDisabled={!selected}
      onSubmit={(e) => {
        e.preventDefault()
        if (!selected) return
        m.mutate(
          { instance, versionId: selected.id, versionName: selected.name },
          { onSuccess: () => onOpenChange(false) },
        )
      }}
    >
      {datastores.isPending ? (
        <Skeleton className="h-9 w-full" />
      ) : versions.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No other active version of {instance.datastore.type} is offered by this cloud.
        </p>
      ) : (
        <Field label="New datastore version">
          <Select value={selected?.id ?? ''} onChange={(e) => setChoice(e.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {instance.datastore.type} {v.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <InstanceChangePreview scope={scope} action="upgrade" instance={instance} open={open} />
    </ActionDialog>
  )
}
