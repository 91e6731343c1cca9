import { Link, getRouteApi, useNavigate } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { ArrowRight, Database, RefreshCw } from 'lucide-react'
import { manageability } from '@/api/databases/status'
import { describeError } from '@/api/errors'
import { instancesQueryOptions } from '@/api/instances/queries'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { useScope } from '@/hooks/use-session'
import { DatabasesPanel } from '../components/databases-panel'
import { InstanceGate } from '../components/instance-gate'
import { RootPanel } from '../components/root-panel'
import { UsersPanel } from '../components/users-panel'

const route = getRouteApi('/_app/users-databases')

/** Pick an instance (kept in the URL), then manage its databases, users and root. */
export function UsersDatabasesPage() {
  const { instance: selectedId } = route.useSearch()
  const navigate = useNavigate({ from: '/users-databases' })
  const scope = useScope()
  const list = useQuery(instancesQueryOptions(scope))
  const instances = [...(list.data ?? [])].sort((a, b) => a.name.localeCompare(b.name))
  const selected = instances.find((i) => i.id === selectedId)
  const readyCount = instances.filter((i) => manageability(i).ready).length

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Users & databases"
        description="The databases and database users of each instance, their access, and the root user."
        className="mb-0"
      />
      {list.isPending ? (
        <Skeleton className="h-16 max-w-md" aria-label="Loading instances" />
      ) : list.isError ? (
        <Alert
          variant="error"
          title="The instances could not be read"
          action={
            <Button variant="outline" size="sm" onClick={() => void list.refetch()}>
              <RefreshCw aria-hidden="true" />
              Retry
            </Button>
          }
        >
          {describeError(list.error)}
        </Alert>
      ) : instances.length === 0 ? (
        <EmptyState
          icon={Database}
          title="No instances in this project and region"
          description="Databases and users live on an instance. Launch one first."
          action={
            <Button asChild>
              <Link to="/instances/new">Launch instance</Link>
            </Button>
          }
        />
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <Field
              label="Instance"
              className="w-full max-w-md"
              description={`${readyCount} of ${instances.length} can be managed now (ACTIVE, datastore running).`}
            >
              <Select
                value={selectedId ?? ''}
                onChange={(e) =>
                  void navigate({
                    search: { instance: e.target.value || undefined },
                    replace: false,
                  })
                }
              >
                <option value="">Choose an instance…</option>
                {instances.map((i) => {
                  const ready = manageability(i).ready
                  return (
                    <option key={i.id} value={i.id}>
                      {i.name} ({i.datastore.type} {i.datastore.version})
                      {ready ? '' : ` — ${i.status}, not ready`}
                    </option>
                  )
                })}
              </Select>
            </Field>
            {selected ? (
              <Button asChild variant="link" className="mb-2">
                <Link to="/instances/$instanceId" params={{ instanceId: selected.id }}>
                  Open {selected.name}
                  <ArrowRight aria-hidden="true" />
                </Link>
              </Button>
            ) : null}
          </div>
          {selectedId && !selected ? (
            <Alert variant="warning" title="This instance is not in the list">
              It may have been deleted, or it belongs to another project or region. Choose another.
            </Alert>
          ) : null}
          {selected ? (
            <InstanceGate instance={selected}>
              <div className="grid gap-8">
                <DatabasesPanel scope={{ ...scope, instanceId: selected.id }} instance={selected} />
                <UsersPanel scope={{ ...scope, instanceId: selected.id }} instance={selected} />
                <RootPanel scope={{ ...scope, instanceId: selected.id }} instance={selected} />
              </div>
            </InstanceGate>
          ) : !selectedId ? (
            <p className="text-sm text-muted-foreground">
              Choose an instance to see its databases and users.
            </p>
          ) : null}
        </>
      )}
    </div>
  )
}
