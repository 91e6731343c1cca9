import { useMemo, useState } from 'react'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { describeError } from '@/api/errors'
import { useCreateBackupStrategy, useDeleteBackupStrategy } from '@/api/backups/mutations'
import { backupStrategiesQueryOptions } from '@/api/backups/queries'
import type { BackupStrategy } from '@/api/backups/schemas'
import type { ScopeParams } from '@/api/instances/keys'
import { instancesQueryOptions } from '@/api/instances/queries'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DataTable } from '@/components/data-table/data-table'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import { mutationDialogProps } from '@/components/form-dialog'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Spinner } from '@/components/ui/spinner'
import {
  containerNameSchema,
  strategiesSearchDefaults,
  strategyId,
  strategyTarget,
  type StrategiesSearch,
} from '../lib/strategy-list'
import { strategyColumns } from './strategy-columns'

/**
 * Backup strategies: which Swift container backups go to, for the whole project or one instance
 * (the instance's wins). Setting one for a scope that has one replaces it.
 */
export function BackupStrategiesSection({ scope }: { scope: ScopeParams }) {
  const { data: strategies } = useSuspenseQuery(backupStrategiesQueryOptions(scope))
  // Names only decorate (an id's start without them).
  const instances = useQuery(instancesQueryOptions(scope))
  const create = useCreateBackupStrategy(scope)
  const [instanceId, setInstanceId] = useState('')
  const [container, setContainer] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [removing, setRemoving] = useState<BackupStrategy | null>(null)
  // The backups table owns the URL's sort and filter; this short list keeps its own.
  const [search, setSearchState] = useState<StrategiesSearch>(strategiesSearchDefaults)
  const names = useMemo(
    () => new Map((instances.data ?? []).map((i) => [i.id, i.name])),
    [instances.data],
  )
  const columns = useMemo(() => strategyColumns((id) => names.get(id)), [names])
  const rowActions = useMemo<RowAction<BackupStrategy>[]>(
    () => [{ label: 'Remove', destructive: true, onSelect: setRemoving }],
    [],
  )
  const rowLabel = useMemo(
    () => (s: BackupStrategy) => strategyTarget(s, (id) => names.get(id)),
    [names],
  )

  return (
    <section aria-labelledby="strategies-heading" className="grid gap-3">
      <div>
        <h2 id="strategies-heading" className="text-lg font-semibold">
          Backup strategies
        </h2>
        <p className="text-sm text-muted-foreground">
          Where backups are stored when a backup names no container: an instance&apos;s strategy
          first, then the project&apos;s.
        </p>
      </div>
      <DataTable
        label="Backup strategies"
        idPrefix="strategies"
        csvName={`backup-strategies-${scope.region}`}
        columns={columns}
        rows={strategies}
        getRowId={strategyId}
        rowLabel={rowLabel}
        search={search}
        onSearchChange={(patch) => setSearchState((prev) => ({ ...prev, ...patch }))}
        noun={{ one: 'strategy', other: 'strategies' }}
        filterPlaceholder="Instance or container"
        rowActions={rowActions}
        minWidth={520}
        empty={
          <p className="rounded-lg border border-dashed px-4 py-3 text-sm text-muted-foreground">
            No strategy: backups go to the cloud&apos;s default container.
          </p>
        }
      />
      <form
        aria-label="Set a backup strategy"
        noValidate
        className="flex flex-wrap items-end gap-3 rounded-lg border p-4"
        onSubmit={(e) => {
          e.preventDefault()
          const parsed = containerNameSchema.safeParse(container)
          if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message)
          setFieldError(undefined)
          create.mutate(
            {
              backup_strategy: {
                swift_container: parsed.data,
                ...(instanceId ? { instance_id: instanceId } : {}),
              },
            },
            { onSuccess: () => setContainer('') },
          )
        }}
      >
        <Field label="Applies to" className="min-w-48 max-sm:w-full">
          <Select value={instanceId} onChange={(e) => setInstanceId(e.target.value)}>
            <option value="">Whole project</option>
            {(instances.data ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                Instance {i.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Swift container" error={fieldError} className="min-w-48 flex-1">
          <Input
            value={container}
            onChange={(e) => setContainer(e.target.value)}
            autoComplete="off"
            className="font-mono"
          />
        </Field>
        <Button type="submit" variant="outline" disabled={create.isPending}>
          {create.isPending ? <Spinner className="size-4" /> : null}
          Set strategy
        </Button>
        {create.error ? (
          <p role="alert" className="basis-full text-sm text-danger">
            {describeError(create.error)}
          </p>
        ) : null}
      </form>
      {removing ? (
        <RemoveStrategyDialog
          scope={scope}
          strategy={removing}
          label={
            removing.instance_id
              ? `instance ${names.get(removing.instance_id) ?? removing.instance_id}`
              : 'the whole project'
          }
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </section>
  )
}

function RemoveStrategyDialog({
  scope,
  strategy,
  label,
  onClose,
}: {
  scope: ScopeParams
  strategy: BackupStrategy
  label: string
  onClose: () => void
}) {
  const remove = useDeleteBackupStrategy(scope)
  return (
    <ConfirmDialog
      {...mutationDialogProps(remove, (o) => (o ? undefined : onClose()))}
      open
      title="Remove backup strategy?"
      description={`Backups of ${label} will no longer go to ${strategy.swift_container} by default. Existing backups stay where they are.`}
      confirmLabel="Remove strategy"
      onConfirm={() =>
        remove.mutate({ instanceId: strategy.instance_id ?? '' }, { onSuccess: onClose })
      }
    />
  )
}
