import { useCallback, useEffect, useMemo, useState } from 'react'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { Plus, SlidersHorizontal } from 'lucide-react'
import { mgmtParametersQueryOptions, mgmtVersionQueryOptions } from '@/api/mgmt/queries'
import { useDeleteParameter, useUpdateVersion } from '@/api/mgmt/mutations'
import type { MgmtParameter, MgmtVersion } from '@/api/mgmt/schemas'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DataTable } from '@/components/data-table/data-table'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { useScope } from '@/hooks/use-session'
import { AdminPage } from '../components/admin-shell'
import { DeleteVersionDialog } from '../components/delete-version-dialog'
import { ParameterDialog } from '../components/parameter-dialog'
import { parameterColumns, VersionStateBadges } from '../components/version-columns'
import { VersionImageFields } from '../components/version-fields'
import type { ParametersSearch } from '../lib/version-search'
import {
  editDefaults,
  toEditRequest,
  versionEditFormSchema,
  type VersionEditForm,
} from '../lib/version-form'

const route = getRouteApi('/_app/admin/datastore-versions/$versionId')

/** One datastore version: edit (PATCH), delete, and its configuration parameters. */
export function DatastoreVersionPage() {
  const { versionId } = route.useParams()
  const scope = useScope()
  const { data: v } = useSuspenseQuery(mgmtVersionQueryOptions(scope, versionId))
  return (
    <AdminPage
      title={`${v.datastore_name} ${v.name}`}
      description={
        <span className="inline-flex flex-wrap items-center gap-2">
          <span>Version {v.version}</span>
          <VersionStateBadges version={v} />
        </span>
      }
      actions={
        <Link to="/admin/datastore-versions" className="text-sm underline-offset-4 hover:underline">
          ← Datastore versions
        </Link>
      }
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <EditVersionCard version={v} />
        <ParametersCard versionId={v.id} />
      </div>
    </AdminPage>
  )
}

function EditVersionCard({ version }: { version: MgmtVersion }) {
  const scope = useScope()
  const navigate = useNavigate()
  const update = useUpdateVersion(scope)
  const [deleting, setDeleting] = useState(false)
  const [saved, setSaved] = useState(false)
  const form = useForm<VersionEditForm>({
    resolver: zodResolver(versionEditFormSchema),
    defaultValues: editDefaults(version),
  })
  useEffect(() => form.reset(editDefaults(version)), [version, form])
  const errors = form.formState.errors
  const submit = form.handleSubmit((values) => {
    setSaved(false)
    const body = toEditRequest(version, values)
    if (Object.keys(body).length === 0) {
      setSaved(true)
      return
    }
    update.mutate({ id: version.id, body }, { onSuccess: () => setSaved(true) })
  })
  return (
    <Card>
      <CardHeader>
        <CardTitle>Settings</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <Field label="Version name" required error={errors.name?.message}>
            <Input {...form.register('name')} autoComplete="off" />
          </Field>
          <Field label="Datastore manager" required error={errors.datastoreManager?.message}>
            <Input {...form.register('datastoreManager')} autoComplete="off" />
          </Field>
          <VersionImageFields register={form.register} errors={errors} />
          {update.error ? <RequestErrorAlert error={update.error} /> : null}
          {saved && !update.isPending ? (
            <Alert variant="success">Saved. Tenants see the change at once.</Alert>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save version'}
            </Button>
            <Button type="button" variant="destructive" onClick={() => setDeleting(true)}>
              Delete version
            </Button>
          </div>
        </form>
      </CardContent>
      {deleting ? (
        <DeleteVersionDialog
          version={version}
          onClose={() => setDeleting(false)}
          onDeleted={() => void navigate({ to: '/admin/datastore-versions' })}
        />
      ) : null}
    </Card>
  )
}

function ParametersCard({ versionId }: { versionId: string }) {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: parameters } = useSuspenseQuery(mgmtParametersQueryOptions(scope, versionId))
  const remove = useDeleteParameter(scope, versionId)
  const [editing, setEditing] = useState<{ parameter: MgmtParameter | null } | null>(null)
  const [deleting, setDeleting] = useState<MgmtParameter | null>(null)
  const setSearch = useCallback(
    (patch: Partial<ParametersSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const rowActions = useMemo<RowAction<MgmtParameter>[]>(
    () => [
      { label: 'Edit', onSelect: (parameter) => setEditing({ parameter }) },
      { label: 'Delete', destructive: true, onSelect: setDeleting },
    ],
    [],
  )
  return (
    <Card className="min-w-0">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>Configuration parameters</CardTitle>
        <Button size="sm" onClick={() => setEditing({ parameter: null })}>
          <Plus aria-hidden="true" /> Register parameter
        </Button>
      </CardHeader>
      <CardContent className="min-w-0">
        <DataTable
          label="Configuration parameters"
          idPrefix="parameters"
          csvName={`parameters-${versionId}`}
          columns={parameterColumns}
          rows={parameters}
          getRowId={parameterName}
          rowLabel={parameterName}
          search={search}
          onSearchChange={setSearch}
          noun={{ one: 'parameter', other: 'parameters' }}
          filterPlaceholder="Parameter name or type"
          rowActions={rowActions}
          minWidth={560}
          empty={
            <EmptyState
              icon={SlidersHorizontal}
              headingLevel={3}
              title="No parameters"
              description="Without parameters, configuration groups are not supported for this version."
            />
          }
        />
      </CardContent>
      <ParameterDialog
        versionId={versionId}
        open={editing !== null}
        parameter={editing?.parameter ?? null}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete parameter ${deleting?.name ?? ''}?`}
        description="Configuration groups can no longer set it; values already stored stay in their groups."
        confirmLabel="Delete parameter"
        pending={remove.isPending}
        error={remove.error}
        onOpenChange={(o) => {
          if (o) return
          remove.reset()
          setDeleting(null)
        }}
        onConfirm={() =>
          deleting && remove.mutate(deleting.name, { onSuccess: () => setDeleting(null) })
        }
      />
    </Card>
  )
}

const parameterName = (p: MgmtParameter) => p.name
