import { useCallback, useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Boxes, Plus } from 'lucide-react'
import { useDeleteDatastore, useUpdateVersion } from '@/api/mgmt/mutations'
import { mgmtVersionsQueryOptions } from '@/api/mgmt/queries'
import type { MgmtVersion } from '@/api/mgmt/schemas'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DataTable } from '@/components/data-table/data-table'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { useScope } from '@/hooks/use-session'
import { AdminPage } from '../components/admin-shell'
import { CreateVersionDialog } from '../components/create-version-dialog'
import { DeleteVersionDialog } from '../components/delete-version-dialog'
import { versionColumns } from '../components/version-columns'
import { datastoreThenName } from '../lib/version-list'
import { type VersionsSearch } from '../lib/version-search'

const route = getRouteApi('/_app/admin/datastore-versions/')

/** Every datastore version, active or not (GET /mgmt/datastore-versions), and datastore delete. */
export function DatastoreVersionsPage() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: versions } = useSuspenseQuery(mgmtVersionsQueryOptions(scope))
  const update = useUpdateVersion(scope)
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<MgmtVersion | null>(null)
  const names = useMemo(() => [...new Set(versions.map((v) => v.datastore_name))], [versions])
  const setSearch = useCallback(
    (patch: Partial<VersionsSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const { mutate } = update
  const rowActions = useMemo<RowAction<MgmtVersion>[]>(
    () => [
      {
        label: 'Open',
        onSelect: (v) =>
          void navigate({
            to: '/admin/datastore-versions/$versionId',
            params: { versionId: v.id },
          }),
      },
      {
        label: 'Activate',
        onSelect: (v) => mutate({ id: v.id, body: { active: true } }),
        disabledReason: (v) => (v.active ? 'It is active.' : undefined),
      },
      {
        label: 'Deactivate',
        onSelect: (v) => mutate({ id: v.id, body: { active: false } }),
        disabledReason: (v) =>
          !v.active
            ? 'It is inactive.'
            : v.default
              ? 'The default version must stay active.'
              : undefined,
      },
      { label: 'Delete', destructive: true, onSelect: setDeleting },
    ],
    [navigate, mutate],
  )
  const registerButton = (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden="true" /> Register version
    </Button>
  )
  return (
    <AdminPage
      title="Datastore versions"
      description="What tenants can launch: inactive versions are not offered. Parameters live on each version's page."
      actions={registerButton}
    >
      {update.error ? (
        <div className="mb-4">
          <RequestErrorAlert error={update.error} />
        </div>
      ) : null}
      <DataTable
        label="Datastore versions"
        idPrefix="versions"
        csvName={`datastore-versions-${scope.region}`}
        columns={versionColumns}
        rows={versions}
        getRowId={versionId}
        rowLabel={versionLabel}
        tieBreak={datastoreThenName}
        search={search}
        onSearchChange={setSearch}
        noun={{ one: 'version', other: 'versions' }}
        filterPlaceholder="Datastore, version, image"
        rowActions={rowActions}
        minWidth={820}
        empty={
          <EmptyState
            icon={Boxes}
            title="No datastore versions"
            description="Register one to let tenants launch instances."
          />
        }
      />
      <DeleteDatastoreSection names={names} />
      <CreateVersionDialog open={creating} onClose={() => setCreating(false)} />
      {deleting ? (
        <DeleteVersionDialog
          version={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => setDeleting(null)}
        />
      ) : null}
    </AdminPage>
  )
}

const versionId = (v: MgmtVersion) => v.id
const versionLabel = (v: MgmtVersion) => `${v.datastore_name} ${v.name}`

export function DatastoreVersionsSkeleton() {
  return (
    <AdminPage title="Datastore versions">
      <DataTableSkeleton label="Loading datastore versions" />
    </AdminPage>
  )
}

/** DELETE /datastores/{name}: only a datastore without versions can go. */
function DeleteDatastoreSection({ names }: { names: string[] }) {
  const scope = useScope()
  const mutation = useDeleteDatastore(scope)
  const [name, setName] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const target = name.trim()
  return (
    <section aria-labelledby="delete-datastore" className="mt-8 grid max-w-xl gap-3">
      <h2 id="delete-datastore" className="text-lg font-semibold">
        Delete a datastore
      </h2>
      <p className="text-sm text-muted-foreground">
        Delete its versions first; the cloud refuses to delete a datastore that still has any.
        {names.length ? ` Datastores with versions: ${names.join(', ')}.` : ''}
      </p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault()
          if (target) setConfirming(true)
        }}
      >
        <Field label="Datastore name">
          <Input
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              setDone(null)
            }}
            autoComplete="off"
          />
        </Field>
        <Button type="submit" variant="destructive" disabled={!target}>
          Delete datastore
        </Button>
      </form>
      {done ? (
        <p role="status" className="text-sm">
          Datastore {done} deleted.
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Delete datastore ${target}?`}
        description="Tenants can no longer choose it. The cloud refuses while it has versions."
        confirmLabel="Delete datastore"
        typeToConfirm={{ name: target, label: 'Type the datastore name to confirm' }}
        pending={mutation.isPending}
        error={mutation.error}
        onOpenChange={(o) => {
          if (o) return
          mutation.reset()
          setConfirming(false)
        }}
        onConfirm={() =>
          mutation.mutate(target, {
            onSuccess: () => {
              setDone(target)
              setName('')
              setConfirming(false)
            },
          })
        }
      />
    </section>
  )
}
