import { useMemo, useState } from 'react'
import { Link } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { Boxes, Plus } from 'lucide-react'
import { useDeleteDatastore } from '@/api/mgmt/mutations'
import { mgmtVersionsQueryOptions } from '@/api/mgmt/queries'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
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
import { CreateVersionDialog } from '../components/create-version-dialog'
import { AdminTableSkeleton } from './admin-instances-page'

/** Every datastore version, active or not (GET /mgmt/datastore-versions), and datastore delete. */
export function DatastoreVersionsPage() {
  const scope = useScope()
  const query = useQuery(mgmtVersionsQueryOptions(scope))
  const [creating, setCreating] = useState(false)
  const names = useMemo(
    () => [...new Set((query.data ?? []).map((v) => v.datastore_name))],
    [query.data],
  )
  return (
    <AdminPage
      title="Datastore versions"
      description="What tenants can launch: inactive versions are not offered. Parameters live on each version's page."
      actions={
        <Button onClick={() => setCreating(true)}>
          <Plus aria-hidden="true" /> Register version
        </Button>
      }
    >
      {query.isPending ? (
        <AdminTableSkeleton />
      ) : query.isError ? (
        <AdminQueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState
          icon={Boxes}
          title="No datastore versions"
          description="Register one to let tenants launch instances."
        />
      ) : (
        <Table aria-label="Datastore versions">
          <TableHeader>
            <TableRow>
              <TableHead>Datastore</TableHead>
              <TableHead>Version</TableHead>
              <TableHead>Number</TableHead>
              <TableHead>Manager</TableHead>
              <TableHead>Image</TableHead>
              <TableHead>State</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.map((v) => (
              <TableRow key={v.id}>
                <TableCell>{v.datastore_name}</TableCell>
                <TableCell>
                  <Link
                    to="/admin/datastore-versions/$versionId"
                    params={{ versionId: v.id }}
                    className="font-medium underline-offset-4 hover:underline"
                    aria-label={`${v.datastore_name} ${v.name}`}
                  >
                    {v.name}
                  </Link>
                </TableCell>
                <TableCell>{v.version}</TableCell>
                <TableCell>{v.datastore_manager}</TableCell>
                <TableCell className="font-mono text-xs">
                  {v.image ||
                    v.image_tags
                      .filter(Boolean)
                      .map((t) => `tag:${t}`)
                      .join(', ') ||
                    '—'}
                </TableCell>
                <TableCell className="space-x-1">
                  <Badge variant={v.active ? 'success' : 'neutral'}>
                    {v.active ? 'Active' : 'Inactive'}
                  </Badge>
                  {v.default ? <Badge variant="info">Default</Badge> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <DeleteDatastoreSection names={names} />
      <CreateVersionDialog open={creating} onClose={() => setCreating(false)} />
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
          if (!name.trim()) return
          if (!confirming) {
            setConfirming(true)
            return
          }
          mutation.mutate(name.trim(), {
            onSuccess: () => {
              setDone(name.trim())
              setName('')
              setConfirming(false)
            },
            onError: () => setConfirming(false),
          })
        }}
      >
        <Field label="Datastore name">
          <Input
            value={name}
            onChange={(e) => {
              setName(e.target.value)
              setConfirming(false)
              setDone(null)
              mutation.reset()
            }}
            autoComplete="off"
          />
        </Field>
        <Button type="submit" variant="destructive" disabled={!name.trim() || mutation.isPending}>
          {confirming ? `Confirm: delete ${name.trim()}` : 'Delete datastore'}
        </Button>
      </form>
      <AdminMutationError error={mutation.error} />
      {done ? (
        <p role="status" className="text-sm">
          Datastore {done} deleted.
        </p>
      ) : null}
    </section>
  )
}
