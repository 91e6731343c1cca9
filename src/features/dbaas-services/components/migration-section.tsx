import { useEffect, useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { dbaasKeys } from '@/api/dbaas/keys'
import { migrationQueryOptions, taskQueryOptions } from '@/api/dbaas/queries'
import { useMigrationCheck } from '@/api/dbaas/mutations'
import {
  MIGRATION_METHODS,
  sourceUriProblem,
  type MigrationCheckRequest,
  type Service,
} from '@/api/dbaas/schemas'
import { migrationCheckTwin } from '@/api/dbaas/twin-requests'
import { describeError } from '@/api/errors'
import { CliTwin } from '@/components/cli-twin'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Spinner } from '@/components/ui/spinner'
import { DataTable } from '@/components/data-table/data-table'
import { useLocalTableSearch } from '@/components/data-table/use-local-table-search'
import { MigrationStatusBadge } from '@/components/status/dbaas-status-badges'
import { useScope } from '@/hooks/use-session'
import { migrationDbId, type MigrationDb, type MigrationDbSortColumn } from '../lib/migration-list'
import { migrationDbColumns } from './migration-db-columns'

const formSchema = z.object({
  uri: z
    .string()
    .min(1, 'Enter the source URI')
    .max(512, 'At most 512 characters')
    .superRefine((v, ctx) => {
      const problem = sourceUriProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    }),
  method: z.enum(['', ...MIGRATION_METHODS]),
  ignoreDbs: z.string().max(2048, 'At most 2048 characters'),
})
type FormValues = z.infer<typeof formSchema>

/** Check a migration source, follow the check task, then the migration status per database. */
export function MigrationSection({ service }: { service: Service }) {
  const scope = useScope()
  const check = useMigrationCheck(scope)
  const [taskId, setTaskId] = useState<string>()
  const mysql = service.type === 'mysql' || service.type === 'mariadb'
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { uri: '', method: '', ignoreDbs: '' },
  })
  const toRequest = (v: FormValues): MigrationCheckRequest => ({
    'source-service-uri': v.uri,
    ...(mysql && v.method ? { method: v.method } : {}),
    ...(v.ignoreDbs.trim() ? { 'ignore-dbs': v.ignoreDbs.trim() } : {}),
  })
  const submit = form.handleSubmit((v) =>
    check.mutate(
      { service: service.name, request: toRequest(v) },
      { onSuccess: (op) => setTaskId(op.reference?.id) },
    ),
  )
  // The twin of the values as they are now, once they pass the form's own checks.
  const watched = formSchema.safeParse(useWatch({ control: form.control }))
  return (
    <Card>
      <CardHeader>
        <CardTitle>Migration</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form
          noValidate
          onSubmit={(e) => void submit(e)}
          className="grid gap-3 md:grid-cols-[2fr_1fr_1fr_auto] md:items-end"
        >
          <Field
            label="Source URI"
            required
            error={form.formState.errors.uri?.message}
            description={
              <>
                With admin credentials, e.g.{' '}
                <span className="break-all">mysql://admin:secret@db.example.com:3306/app</span>
              </>
            }
          >
            <Input {...form.register('uri')} autoComplete="off" spellCheck={false} />
          </Field>
          <Field label="Method" description={mysql ? undefined : 'MySQL only'}>
            <Select {...form.register('method')} disabled={!mysql}>
              <option value="">Default</option>
              {MIGRATION_METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Ignore databases"
            error={form.formState.errors.ignoreDbs?.message}
            description="Comma-separated"
          >
            <Input {...form.register('ignoreDbs')} />
          </Field>
          <Button type="submit" disabled={check.isPending}>
            Check source
          </Button>
        </form>
        {watched.success ? (
          <CliTwin request={migrationCheckTwin(service.name, toRequest(watched.data))} />
        ) : (
          <p className="text-xs text-muted-foreground" data-testid="cli-twin-invalid">
            The command line equivalent shows once the source URI is valid (its password is never
            shown).
          </p>
        )}
        {check.isError ? <Alert variant="error">{describeError(check.error)}</Alert> : null}
        {taskId ? <CheckTask service={service.name} id={taskId} /> : null}
        <MigrationStatusView service={service.name} />
      </CardContent>
    </Card>
  )
}

function CheckTask({ service, id }: { service: string; id: string }) {
  const scope = useScope()
  const task = useQuery(taskQueryOptions(scope, service, id))
  const client = useQueryClient()
  const settled = task.data?.success !== undefined
  // A finished check starts (or fails) the migration: read its status again.
  const { projectId, region } = scope
  useEffect(() => {
    if (!settled) return
    void client.invalidateQueries({
      queryKey: dbaasKeys.migration({ projectId, region }, service),
    })
  }, [settled, client, projectId, region, service])
  if (task.isPending) return <Spinner label="Starting the check" />
  if (task.isError) return <Alert variant="error">{describeError(task.error)}</Alert>
  const t = task.data
  if (t.success === undefined)
    return (
      <div role="status" className="flex items-center gap-2 text-sm">
        <Spinner /> Checking the source… {t.result}
      </div>
    )
  return (
    <Alert
      variant={t.success ? 'success' : 'error'}
      title={t.success ? 'Migration check passed' : 'Migration check failed'}
    >
      {t.result}
    </Alert>
  )
}

function MigrationStatusView({ service }: { service: string }) {
  const scope = useScope()
  const m = useQuery(migrationQueryOptions(scope, service))
  if (m.isPending) return null
  if (m.isError) return <Alert variant="error">{describeError(m.error)}</Alert>
  if (!m.data)
    return <p className="text-sm text-muted-foreground">No migration has run for this service.</p>
  const details = m.data.details ?? []
  return (
    <div className="grid gap-2">
      <p className="text-sm">
        Migration status: <MigrationStatusBadge status={m.data.status} />
        {m.data.method ? ` · method ${m.data.method}` : ''}
      </p>
      {m.data.error ? <Alert variant="error">{m.data.error}</Alert> : null}
      {details.length > 0 ? <MigrationDbTable details={details} /> : null}
    </div>
  )
}

function MigrationDbTable({ details }: { details: MigrationDb[] }) {
  const columns = useMemo(() => migrationDbColumns(), [])
  const [search, setSearch] = useLocalTableSearch<MigrationDbSortColumn>('dbname')
  return (
    <DataTable
      label="Migration per database"
      idPrefix="migration-dbs"
      columns={columns}
      rows={details}
      getRowId={migrationDbId}
      rowLabel={migrationDbId}
      search={search}
      onSearchChange={setSearch}
      noun={{ one: 'database', other: 'databases' }}
      minWidth={480}
      empty={null}
    />
  )
}
