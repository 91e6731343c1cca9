import { useCallback, useMemo } from 'react'
import { Link, getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { ArrowRight, Database } from 'lucide-react'
import { manageability } from '@/api/databases/status'
import { instancesQueryOptions } from '@/api/instances/queries'
import type { TableSearch } from '@/components/data-table/search'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { Select } from '@/components/ui/select'
import { useScope } from '@/hooks/use-session'
import { DatabasesPanel } from '../components/databases-panel'
import { InstanceGate } from '../components/instance-gate'
import { PanelSuspense } from '../components/panel-suspense'
import { UsersDatabasesSupport } from '../components/sql-managed-notice'
import { RootPanel } from '../components/root-panel'
import { UsersPanel } from '../components/users-panel'
import {
  databasesTableSearch,
  databasesTableUrlPatch,
  usersTableSearch,
  usersTableUrlPatch,
} from '../lib/table-search'
import type { DatabaseSortColumn, UserSortColumn } from '../lib/user-database-list'

const route = getRouteApi('/_app/users-databases')

/** Pick an instance (kept in the URL), then manage its databases, users and root. */
export function UsersDatabasesPage() {
  const search = route.useSearch()
  const selectedId = search.instance
  const navigate = route.useNavigate()
  const scope = useScope()
  const { data: list } = useSuspenseQuery(instancesQueryOptions(scope))
  const instances = useMemo(() => [...list].sort((a, b) => a.name.localeCompare(b.name)), [list])
  const setDatabasesSearch = useCallback(
    (patch: Partial<TableSearch<DatabaseSortColumn>>) =>
      void navigate({
        search: (prev) => ({ ...prev, ...databasesTableUrlPatch(patch) }),
        replace: true,
      }),
    [navigate],
  )
  const setUsersSearch = useCallback(
    (patch: Partial<TableSearch<UserSortColumn>>) =>
      void navigate({
        search: (prev) => ({ ...prev, ...usersTableUrlPatch(patch) }),
        replace: true,
      }),
    [navigate],
  )
  const selected = instances.find((i) => i.id === selectedId)
  const readyCount = instances.filter((i) => manageability(i).ready).length

  return (
    <div className="grid gap-6">
      <PageHeader
        title="Users & databases"
        description="The databases and database users of each instance, their access, and the root user."
        className="mb-0"
      />
      {instances.length === 0 ? (
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
                    // Another instance: its tables start from their default views.
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
                <UsersDatabasesSupport instance={selected} what="Databases">
                  <PanelSuspense label="Loading databases">
                    <DatabasesPanel
                      scope={{ ...scope, instanceId: selected.id }}
                      instance={selected}
                      search={databasesTableSearch(search)}
                      onSearchChange={setDatabasesSearch}
                    />
                  </PanelSuspense>
                </UsersDatabasesSupport>
                <UsersDatabasesSupport instance={selected} what="Users">
                  <PanelSuspense label="Loading users">
                    <UsersPanel
                      scope={{ ...scope, instanceId: selected.id }}
                      instance={selected}
                      search={usersTableSearch(search)}
                      onSearchChange={setUsersSearch}
                    />
                  </PanelSuspense>
                </UsersDatabasesSupport>
                <PanelSuspense label="Loading root status">
                  <RootPanel scope={{ ...scope, instanceId: selected.id }} instance={selected} />
                </PanelSuspense>
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
