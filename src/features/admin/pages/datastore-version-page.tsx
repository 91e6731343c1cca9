import { useEffect, useState } from 'react'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { Plus, SlidersHorizontal } from 'lucide-react'
import { mgmtParametersQueryOptions, mgmtVersionQueryOptions } from '@/api/mgmt/queries'
import { useDeleteParameter, useDeleteVersion, useUpdateVersion } from '@/api/mgmt/mutations'
import type { MgmtParameter, MgmtVersion } from '@/api/mgmt/schemas'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { useScope } from '@/hooks/use-session'
import { AdminMutationError, AdminPage, AdminQueryError } from '../components/admin-shell'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { ParameterDialog } from '../components/parameter-dialog'
import { VersionImageFields } from '../components/version-fields'
import {
  editDefaults,
  toEditRequest,
  versionEditFormSchema,
  type VersionEditForm,
} from '../lib/version-form'
import { AdminTableSkeleton } from './admin-instances-page'

const route = getRouteApi('/_app/admin/datastore-versions/$versionId')

/** One datastore version: edit (PATCH), delete, and its configuration parameters. */
export function DatastoreVersionPage() {
  const { versionId } = route.useParams()
  const scope = useScope()
  const query = useQuery(mgmtVersionQueryOptions(scope, versionId))
  const back = (
    <Link to="/admin/datastore-versions" className="text-sm underline-offset-4 hover:underline">
      ← Datastore versions
    </Link>
  )
  if (query.isPending) {
    return (
      <AdminPage title="Datastore version" actions={back}>
        <Skeleton className="h-48 w-full" />
      </AdminPage>
    )
  }
  if (query.isError) {
    return (
      <AdminPage title="Datastore version" actions={back}>
        <AdminQueryError error={query.error} onRetry={() => void query.refetch()} />
      </AdminPage>
    )
  }
  const v = query.data
  return (
    <AdminPage
      title={`${v.datastore_name} ${v.name}`}
      description={
        <span className="space-x-2">
          <span>Version {v.version}</span>
          <Badge variant={v.active ? 'success' : 'neutral'}>
            {v.active ? 'Active' : 'Inactive'}
          </Badge>
          {v.default ? <Badge variant="info">Default</Badge> : null}
        </span>
      }
      actions={back}
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,24rem)_1fr]">
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
  const remove = useDeleteVersion(scope)
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
          <AdminMutationError error={update.error} />
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
      <ConfirmDialog
        open={deleting}
        title={`Delete ${version.datastore_name} ${version.name}?`}
        description="Its configuration parameters go with it. The cloud refuses while instances, backups or configuration groups use the version."
        confirmLabel="Delete version"
        pending={remove.isPending}
        error={remove.error}
        onOpenChange={(o) => {
          if (o) return
          remove.reset()
          setDeleting(false)
        }}
        onConfirm={() =>
          remove.mutate(version.id, {
            onSuccess: () => void navigate({ to: '/admin/datastore-versions' }),
          })
        }
      />
    </Card>
  )
}

function ParametersCard({ versionId }: { versionId: string }) {
  const scope = useScope()
  const query = useQuery(mgmtParametersQueryOptions(scope, versionId))
  const remove = useDeleteParameter(scope, versionId)
  const [editing, setEditing] = useState<{ parameter: MgmtParameter | null } | null>(null)
  const [deleting, setDeleting] = useState<MgmtParameter | null>(null)
  const [filter, setFilter] = useState('')
  const rows = (query.data ?? []).filter((p) => p.name.includes(filter.trim()))
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>Configuration parameters</CardTitle>
        <Button size="sm" onClick={() => setEditing({ parameter: null })}>
          <Plus aria-hidden="true" /> Register parameter
        </Button>
      </CardHeader>
      <CardContent className="grid gap-3">
        <Field label="Filter parameters">
          <Input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </Field>
        {query.isPending ? (
          <AdminTableSkeleton />
        ) : query.isError ? (
          <AdminQueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={SlidersHorizontal}
            headingLevel={3}
            title={query.data.length ? 'No parameter matches' : 'No parameters'}
            description={
              query.data.length
                ? 'Change the filter.'
                : 'Without parameters, configuration groups are not supported for this version.'
            }
          />
        ) : (
          <div className="max-h-[32rem] overflow-auto">
            <Table aria-label="Configuration parameters">
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Type</TableHead>
                  <TableHead>Min</TableHead>
                  <TableHead>Max</TableHead>
                  <TableHead>Restart</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((p) => (
                  <TableRow key={p.name}>
                    <TableCell className="font-mono text-xs">{p.name}</TableCell>
                    <TableCell>{p.type}</TableCell>
                    <TableCell>{p.type === 'integer' ? (p.min_size ?? 0) : '—'}</TableCell>
                    <TableCell>{p.type === 'integer' ? (p.max_size ?? 0) : '—'}</TableCell>
                    <TableCell>{p.restart_required ? 'Yes' : 'No'}</TableCell>
                    <TableCell className="whitespace-nowrap text-right">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Edit ${p.name}`}
                        onClick={() => setEditing({ parameter: p })}
                      >
                        Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Delete ${p.name}`}
                        onClick={() => setDeleting(p)}
                      >
                        Delete
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
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
