import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Trash2 } from 'lucide-react'
import { describeError } from '@/api/errors'
import { useCreateBackupStrategy, useDeleteBackupStrategy } from '@/api/backups/mutations'
import { backupStrategiesQueryOptions } from '@/api/backups/queries'
import type { BackupStrategy } from '@/api/backups/schemas'
import type { ScopeParams } from '@/api/instances/keys'
import { instancesQueryOptions } from '@/api/instances/queries'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { Spinner } from '@/components/ui/spinner'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { ActionDialog } from '@/components/action-dialog'

const CONTAINER_RE = /^[A-Za-z0-9_@%+=:,./-]+$/

/**
 * Backup strategies: which Swift container backups go to, for the whole project or one instance
 * (the instance's wins). Setting one for a scope that has one replaces it.
 */
export function BackupStrategiesSection({ scope }: { scope: ScopeParams }) {
  const strategies = useQuery(backupStrategiesQueryOptions(scope))
  const instances = useQuery(instancesQueryOptions(scope))
  const create = useCreateBackupStrategy(scope)
  const [instanceId, setInstanceId] = useState('')
  const [container, setContainer] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [removing, setRemoving] = useState<BackupStrategy | null>(null)
  const nameOf = (id: string) => instances.data?.find((i) => i.id === id)?.name

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
      {strategies.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : strategies.isError ? (
        <Alert
          variant="error"
          title="The backup strategies could not be loaded"
          action={
            <Button variant="outline" size="sm" onClick={() => void strategies.refetch()}>
              Retry
            </Button>
          }
        >
          {describeError(strategies.error)}
        </Alert>
      ) : strategies.data.length === 0 ? (
        <p className="rounded-lg border border-dashed px-4 py-3 text-sm text-muted-foreground">
          No strategy: backups go to the cloud&apos;s default container.
        </p>
      ) : (
        <Table aria-label="Backup strategies">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Applies to</TableHead>
              <TableHead>Swift container</TableHead>
              <TableHead>Backend</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {strategies.data.map((s) => {
              const target = s.instance_id
                ? `Instance ${nameOf(s.instance_id) ?? s.instance_id.slice(0, 8)}`
                : 'Whole project'
              return (
                <TableRow key={s.instance_id ?? ''}>
                  <TableCell>{target}</TableCell>
                  <TableCell className="font-mono">{s.swift_container}</TableCell>
                  <TableCell>{s.backend}</TableCell>
                  <TableCell className="text-right">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove the strategy of ${target}`}
                      onClick={() => setRemoving(s)}
                    >
                      <Trash2 aria-hidden="true" className="size-4" />
                      Remove
                    </Button>
                  </TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      )}
      <form
        aria-label="Set a backup strategy"
        noValidate
        className="flex flex-wrap items-end gap-3 rounded-lg border p-4"
        onSubmit={(e) => {
          e.preventDefault()
          const c = container.trim()
          if (!c) return setFieldError('Enter a container name.')
          if (!CONTAINER_RE.test(c))
            return setFieldError('Letters, digits and _ @ % + = : , . / - only.')
          setFieldError(undefined)
          create.mutate(
            {
              backup_strategy: {
                swift_container: c,
                ...(instanceId ? { instance_id: instanceId } : {}),
              },
            },
            { onSuccess: () => setContainer('') },
          )
        }}
      >
        <Field label="Applies to" className="min-w-48">
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
              ? `instance ${nameOf(removing.instance_id) ?? removing.instance_id}`
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
    <ActionDialog
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title="Remove backup strategy?"
      description={`Backups of ${label} will no longer go to ${strategy.swift_container} by default. Existing backups stay where they are.`}
      submitLabel="Remove strategy"
      submitVariant="destructive"
      pending={remove.isPending}
      error={remove.error}
      onSubmit={(e) => {
        e.preventDefault()
        remove.mutate({ instanceId: strategy.instance_id ?? '' }, { onSuccess: onClose })
      }}
    />
  )
}
