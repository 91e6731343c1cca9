import { useEffect, useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { Plus, ShieldCheck } from 'lucide-react'
import { toast } from '@/lib/toast'
import { useCreateBackup } from '@/api/backups/mutations'
import { newestThenId } from '@/api/backups/order'
import { backupsQueryOptions, haBackupsQueryOptions } from '@/api/backups/queries'
import type { Backup } from '@/api/backups/schemas'
import type { ScopeParams } from '@/api/instances/keys'
import type { Instance } from '@/api/instances/schemas'
import { ActionDialog } from '@/components/action-dialog'
import { DataTable } from '@/components/data-table/data-table'
import { useLocalTableSearch } from '@/components/data-table/use-local-table-search'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input, Textarea } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { useNow } from '@/hooks/use-now'
import {
  createBackupDefaults,
  createBackupFormSchema,
  type CreateBackupInput,
  type CreateBackupValues,
} from '../lib/create-backup.schema'
import { haBackupRows, haCreateBlocked, toCreateHaBackupRequest } from '../lib/ha-backups'
import { backupColumns } from './backup-columns'
import { DeleteBackupDialog } from './delete-backup-dialog'
import { useBackupRowActions } from './use-backup-row-actions'

const noInstanceName = () => undefined
const backupId = (b: Backup) => b.id
const backupName = (b: Backup) => b.name

/**
 * HA backups of an instance's HA group (Rackspace `/ha/{haId}/backups`; in the embedded cloud an
 * HA group is a primary with its replicas, named by the primary's id): list, create, restore and
 * delete. Where the cloud has no HA API the section says so in a sentence and offers nothing.
 */
export function HaBackupsSection({ scope, instance }: { scope: ScopeParams; instance: Instance }) {
  const ha = useQuery(haBackupsQueryOptions({ ...scope, haId: instance.id }))
  const project = useQuery(backupsQueryOptions(scope))
  const now = useNow(30_000)
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<Backup | null>(null)
  const [search, setSearch] = useLocalTableSearch('created', 'desc')
  const rowActions = useBackupRowActions(setDeleting)
  const columns = useMemo(
    () => backupColumns({ instanceName: noInstanceName, now, hideInstance: true }),
    [now],
  )
  const rows = useMemo(
    () => (ha.data?.offered ? haBackupRows(instance.id, ha.data.backups, project.data ?? []) : []),
    [ha.data, project.data, instance.id],
  )
  const blocked = haCreateBlocked(instance)

  let body
  if (ha.isPending) body = <Skeleton className="h-24 w-full" />
  else if (ha.isError) body = <RequestErrorAlert error={ha.error} />
  else if (!ha.data.offered)
    body = (
      <p className="text-sm text-muted-foreground" data-testid="ha-backups-unavailable">
        This cloud does not offer HA backups (the Rackspace <code>/ha/&#123;id&#125;/backups</code>{' '}
        API): back up the instance itself above.
      </p>
    )
  else
    body = (
      <DataTable
        label="HA backups of this instance's group"
        idPrefix="ha-backups"
        csvName={`ha-backups-${instance.id}`}
        columns={columns}
        rows={rows}
        getRowId={backupId}
        rowLabel={backupName}
        tieBreak={newestThenId}
        search={search}
        onSearchChange={setSearch}
        noun={{ one: 'HA backup', other: 'HA backups' }}
        filterPlaceholder="Name, ID or description"
        rowActions={rowActions}
        minWidth={600}
        empty={
          <p className="text-sm text-muted-foreground">
            No HA backups of this group yet.{blocked ? ` ${blocked}` : ''}
          </p>
        }
      />
    )

  return (
    <section aria-labelledby="ha-backups" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="grid gap-1">
          <h2 id="ha-backups" className="text-lg font-semibold">
            HA backups
          </h2>
          {ha.data?.offered ? (
            <p className="text-sm text-muted-foreground">
              A backup of the whole HA group (this primary and its replicas), taken from its newest
              replica so the primary keeps serving.
            </p>
          ) : null}
        </div>
        {ha.data?.offered ? (
          <div className="grid justify-items-end gap-1">
            <Button
              variant="outline"
              onClick={() => setCreating(true)}
              disabled={blocked !== undefined}
              aria-describedby={blocked ? 'ha-create-blocked' : undefined}
            >
              <Plus aria-hidden="true" className="size-4" />
              Create HA backup
            </Button>
            {blocked && rows.length > 0 ? (
              <p
                id="ha-create-blocked"
                className="max-w-80 text-right text-xs text-muted-foreground"
              >
                {blocked}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      {body}
      <CreateHaBackupDialog
        scope={scope}
        haId={instance.id}
        instanceName={instance.name}
        open={creating}
        onOpenChange={setCreating}
      />
      {deleting ? (
        <DeleteBackupDialog
          scope={scope}
          backup={deleting}
          open
          onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        />
      ) : null}
    </section>
  )
}

/** Name and description of a new HA backup; the rest (source) is the group's. */
function CreateHaBackupDialog({
  scope,
  haId,
  instanceName,
  open,
  onOpenChange,
}: {
  scope: ScopeParams
  haId: string
  instanceName: string
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const create = useCreateBackup(scope)
  const form = useForm<CreateBackupInput, unknown, CreateBackupValues>({
    resolver: zodResolver(createBackupFormSchema),
    defaultValues: { ...createBackupDefaults, instanceId: haId },
  })
  const { register, handleSubmit, reset, formState } = form
  useEffect(() => {
    if (open) reset({ ...createBackupDefaults, instanceId: haId })
  }, [open, haId, reset])
  const close = (o: boolean) => {
    if (!o) create.reset()
    onOpenChange(o)
  }
  const onSubmit = handleSubmit((values) =>
    create.mutate(toCreateHaBackupRequest(haId, values), {
      onSuccess: (b) => {
        close(false)
        toast.success(`HA backup ${b.name} of ${instanceName} started.`)
      },
    }),
  )
  return (
    <ActionDialog
      open={open}
      onOpenChange={close}
      title={`Create an HA backup of ${instanceName}`}
      description="The whole HA group is backed up, from its newest replica."
      submitLabel="Create HA backup"
      pending={create.isPending}
      error={create.error}
      onSubmit={(e) => void onSubmit(e)}
    >
      <Field
        label="Name"
        error={formState.errors.name?.message}
        required
        description="Up to 64 characters."
      >
        <Input autoComplete="off" {...register('name')} />
      </Field>
      <Field label="Description" error={formState.errors.description?.message}>
        <Textarea rows={2} {...register('description')} />
      </Field>
      <input type="hidden" {...register('instanceId')} />
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <ShieldCheck aria-hidden="true" className="size-4" />A full backup; restore it into a new
        instance from the list.
      </p>
    </ActionDialog>
  )
}
