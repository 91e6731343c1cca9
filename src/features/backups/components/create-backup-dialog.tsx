import { useEffect, useMemo } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useCreateBackup } from '@/api/backups/mutations'
import { backupsQueryOptions } from '@/api/backups/queries'
import type { Backup } from '@/api/backups/schemas'
import type { ScopeParams } from '@/api/instances/keys'
import { instancesQueryOptions } from '@/api/instances/queries'
import { actionAvailability } from '@/api/instances/status'
import { Field } from '@/components/ui/field'
import { Input, Textarea } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import {
  createBackupDefaults,
  createBackupFormSchema,
  toCreateBackupRequest,
  type CreateBackupInput,
  type CreateBackupValues,
} from '../lib/create-backup.schema'
import { QuotaWarning } from '@/components/quota-warning'
import { InstanceChangePreview } from '@/components/change-preview'
import { backupRequests } from '@/api/backups/requests'
import { ActionDialog } from '@/components/action-dialog'

/**
 * Create a backup: name, instance, description, full / incremental on the latest / incremental on
 * a chosen parent, optional Swift container. Instances that cannot run a backup now are listed
 * but disabled, with the reason.
 */
export function CreateBackupDialog({
  scope,
  open,
  onOpenChange,
  instanceId,
  onCreated,
}: {
  scope: ScopeParams
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Preselect (and keep) this instance: the instance page's Backups tab. */
  instanceId?: string
  onCreated?: (backup: Backup) => void
}) {
  const instances = useQuery({ ...instancesQueryOptions(scope), enabled: open })
  const backups = useQuery({ ...backupsQueryOptions(scope), enabled: open })
  const create = useCreateBackup(scope)
  const form = useForm<CreateBackupInput, unknown, CreateBackupValues>({
    resolver: zodResolver(createBackupFormSchema),
    defaultValues: { ...createBackupDefaults, instanceId: instanceId ?? '' },
  })
  const { register, control, handleSubmit, reset, setValue, formState } = form
  const errors = formState.errors
  const chosenInstance = useWatch({ control, name: 'instanceId' })
  const chosen = instances.data?.find((i) => i.id === chosenInstance)
  const watched = useWatch({ control })
  // The CLI twin shows the body the form would send now (placeholders until it is valid).
  const parsed = createBackupFormSchema.safeParse(watched)
  const twin = backupRequests.create(
    parsed.success
      ? toCreateBackupRequest(parsed.data)
      : { backup: { name: watched.name || '<name>', instance: chosenInstance || '<instance>' } },
  )
  const kind = useWatch({ control, name: 'kind' })

  useEffect(() => {
    if (open) reset({ ...createBackupDefaults, instanceId: instanceId ?? '' })
  }, [open, instanceId, reset])

  const options = useMemo(
    () =>
      [...(instances.data ?? [])]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((i) => ({ i, availability: actionAvailability(i, 'restart', { isAdmin: false }) })),
    [instances.data],
  )
  const parents = useMemo(
    () =>
      (backups.data ?? [])
        .filter((b) => b.instance_id === chosenInstance && b.status === 'COMPLETED')
        .sort((a, b) => b.created.localeCompare(a.created)),
    [backups.data, chosenInstance],
  )
  useEffect(() => {
    setValue('parentId', '')
  }, [chosenInstance, setValue])

  const close = (o: boolean) => {
    if (!o) create.reset()
    onOpenChange(o)
  }
  const onSubmit = handleSubmit((values) => {
    create.mutate(toCreateBackupRequest(values), {
      onSuccess: (backup) => {
        close(false)
        onCreated?.(backup)
      },
    })
  })

  return (
    <ActionDialog
      open={open}
      onOpenChange={close}
      title="Create backup"
      description="A backup of an instance's databases, stored in the region's object storage."
      submitLabel="Create backup"
      twin={twin}
      pending={create.isPending}
      error={create.error}
      onSubmit={(e) => void onSubmit(e)}
    >
      <Field label="Name" error={errors.name?.message} required description="Up to 64 characters.">
        <Input autoComplete="off" {...register('name')} />
      </Field>
      <Field label="Instance" error={errors.instanceId?.message} required>
        <Select
          disabled={instances.isPending || instanceId !== undefined}
          {...register('instanceId')}
        >
          <option value="">
            {instances.isPending ? 'Loading instances…' : 'Choose an instance'}
          </option>
          {options.map(({ i, availability }) => (
            <option key={i.id} value={i.id} disabled={!availability.allowed}>
              {i.name} ({i.datastore.type} {i.datastore.version}, {i.status})
              {availability.allowed ? '' : ` — ${availability.reason ?? 'busy'}`}
            </option>
          ))}
        </Select>
      </Field>
      {instanceId !== undefined ? <input type="hidden" {...register('instanceId')} /> : null}
      <Field label="Description" error={errors.description?.message}>
        <Textarea rows={2} {...register('description')} />
      </Field>
      <Field
        label="Type"
        error={errors.kind?.message}
        description={
          kind === 'incremental'
            ? 'Only the changes since the latest completed backup of this instance (a full backup if there is none).'
            : kind === 'parent'
              ? 'Only the changes since the backup you choose.'
              : 'A complete copy of the data.'
        }
      >
        <Select {...register('kind')}>
          <option value="full">Full backup</option>
          <option value="incremental">Incremental, on the latest completed backup</option>
          <option value="parent">Incremental, on a backup I choose</option>
        </Select>
      </Field>
      {kind === 'parent' ? (
        <Field label="Parent backup" error={errors.parentId?.message} required>
          <Select disabled={!chosenInstance} {...register('parentId')}>
            <option value="">
              {!chosenInstance
                ? 'Choose an instance first'
                : parents.length === 0
                  ? 'This instance has no completed backup'
                  : 'Choose the parent backup'}
            </option>
            {parents.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.created.replace('T', ' ')})
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field
        label="Swift container"
        error={errors.swiftContainer?.message}
        description="Optional. Defaults to the backup strategy's container, else the cloud's."
      >
        <Input autoComplete="off" className="font-mono" {...register('swiftContainer')} />
      </Field>
      {/* Quota warning (instance-extras area): the shared rule lives in src/api/limits/quota.ts. */}
      {open ? <QuotaWarning scope={scope} deltas={{ backups: 1 }} what="backup" /> : null}
      {chosen ? (
        <InstanceChangePreview scope={scope} action="create-backup" instance={chosen} open={open} />
      ) : null}
    </ActionDialog>
  )
}
