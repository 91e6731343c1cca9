import { useCallback, useMemo, useState } from 'react'
import { Link, getRouteApi } from '@tanstack/react-router'
import { FilterSelect } from '@/components/data-table/filter-select'
import { useQuery } from '@tanstack/react-query'
import { Database, Plus, RotateCw } from 'lucide-react'
import { describeError } from '@/api/errors'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import {
  firstPagesQueryOptions,
  instancesQueryOptions,
  useRefreshInstances,
} from '@/api/instances/queries'
import { INSTANCE_STATUSES, type Instance } from '@/api/instances/schemas'
import { actionAvailability } from '@/api/instances/status'
import { DataTable } from '@/components/data-table/data-table'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import type { BulkAction } from '@/components/data-table/selection-bar'
import { useStoredColumns } from '@/components/data-table/stored-columns'
import { ListFreshness } from '@/components/list-freshness'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { useRequiredSession, useScope } from '@/hooks/use-session'
import { instanceColumns } from '../components/instance-columns'
import {
  BulkDeleteInstancesDialog,
  BulkRestartInstancesDialog,
  DeleteInstanceDialog,
  RestartDialog,
} from '../components/lazy-instance-dialogs'
import { byNameThenId, distinctValues, filterInstances, flavorLookup } from '../lib/instance-list'
import { launchLikeSearch } from '../lib/launch-search'
import type { InstancesSearch } from '../lib/list-search'
const route = getRouteApi('/_app/instances/')

export function InstancesPage() {
  const scope = useScope()
  const session = useRequiredSession()
  const urlSearch = route.useSearch()
  const navigate = route.useNavigate()
  // Stable, so the table's memoized rows skip the renders a URL write causes.
  const setUrlSearch = useCallback(
    (patch: Partial<InstancesSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  // Columns: the URL's when it has them, else the ones this browser chose last.
  const { search, onSearchChange: setSearch } = useStoredColumns(
    'instances',
    urlSearch,
    setUrlSearch,
  )
  const instances = useQuery(instancesQueryOptions(scope))
  // A long list's first read shows its rows page by page, until the list itself has data.
  const firstPages = useQuery(firstPagesQueryOptions(scope))
  const flavors = useQuery(flavorsQueryOptions(scope))
  const refresh = useRefreshInstances(scope)

  const lookup = useMemo(() => flavorLookup(flavors.data), [flavors.data])
  const columns = useMemo(() => instanceColumns(lookup), [lookup])
  const partial = instances.data === undefined && (firstPages.data?.length ?? 0) > 0
  const all = instances.data ?? (partial ? firstPages.data : undefined)
  // The page's own selects; the table sorts and filters the text.
  const rows = useMemo(
    () =>
      all
        ? filterInstances(all, { q: '', status: search.status, datastore: search.datastore })
        : undefined,
    [all, search.status, search.datastore],
  )
  const datastores = useMemo(() => (all ? distinctValues(all, (i) => i.datastore.type) : []), [all])
  const statuses = useMemo(() => {
    const present = all ? distinctValues(all, (i) => i.status) : []
    return [...new Set([...INSTANCE_STATUSES, ...present])]
  }, [all])

  const [restarting, setRestarting] = useState<Instance | null>(null)
  const [deleting, setDeleting] = useState<Instance | null>(null)
  const [bulkDeleting, setBulkDeleting] = useState<Instance[]>([])
  const [bulkRestarting, setBulkRestarting] = useState<Instance[]>([])
  const rowActions = useMemo<RowAction<Instance>[]>(
    () => [
      {
        label: 'Open',
        onSelect: (i) =>
          void navigate({ to: '/instances/$instanceId', params: { instanceId: i.id } }),
      },
      {
        label: 'Launch another like this',
        onSelect: (i) => void navigate({ to: '/instances/new', search: launchLikeSearch(i) }),
      },
      {
        label: 'Restart',
        onSelect: setRestarting,
        disabledReason: (i) => actionAvailability(i, 'restart', { isAdmin: false }).reason,
      },
      {
        label: 'Delete',
        destructive: true,
        onSelect: setDeleting,
        disabledReason: (i) => actionAvailability(i, 'delete', { isAdmin: false }).reason,
      },
    ],
    [navigate],
  )
  const bulkActions = useMemo<BulkAction<Instance>[]>(
    () => [
      { label: 'Restart', onRun: setBulkRestarting },
      { label: 'Delete', destructive: true, onRun: setBulkDeleting },
    ],
    [],
  )

  const launch = (
    <Button asChild>
      <Link to="/instances/new">
        <Plus aria-hidden="true" className="size-4" />
        Launch instance
      </Link>
    </Button>
  )

  return (
    <div>
      <PageHeader
        title="Instances"
        description={`Database instances of ${session.project.name} in ${scope.region}.`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ListFreshness
              kind="instances"
              idPrefix="instances"
              dataUpdatedAt={instances.dataUpdatedAt}
              isFetching={instances.isFetching}
              onRefresh={refresh}
            />
            {launch}
          </div>
        }
      />
      {instances.isError && !all ? (
        <Alert
          variant="error"
          title="The instances could not be loaded"
          action={
            <Button variant="outline" size="sm" onClick={() => void instances.refetch()}>
              <RotateCw aria-hidden="true" className="size-4" />
              Retry
            </Button>
          }
        >
          {describeError(instances.error)}
        </Alert>
      ) : (
        <div className="grid gap-3">
          {instances.isError ? (
            <Alert variant="warning">
              Showing the last list read: {describeError(instances.error)}
            </Alert>
          ) : null}
          <DataTable
            label="Instances"
            idPrefix="instances"
            csvName={`instances-${scope.region}`}
            columns={columns}
            rows={rows}
            totalCount={all?.length}
            getRowId={instanceId}
            rowLabel={instanceName}
            tieBreak={byNameThenId}
            search={search}
            onSearchChange={setSearch}
            noun={{ one: 'instance', other: 'instances' }}
            filterPlaceholder="Name, id, datastore, flavor, address…"
            rowActions={rowActions}
            bulkActions={bulkActions}
            onClearFilters={() => setSearch({ status: '', datastore: '' })}
            countSuffix={
              partial ? (
                <span data-testid="instances-loading-more"> so far, loading more…</span>
              ) : instances.isFetching ? (
                <span className="sr-only"> (refreshing)</span>
              ) : null
            }
            empty={
              <EmptyState
                icon={Database}
                title="No instances yet"
                description={`Launch a database instance in ${scope.region} to get started.`}
                action={launch}
              />
            }
            filters={
              <>
                <FilterSelect
                  id="instances-status"
                  label="Status"
                  allLabel="All statuses"
                  value={search.status}
                  options={statuses}
                  onChange={(status) => setSearch({ status })}
                />
                <FilterSelect
                  id="instances-datastore"
                  label="Datastore"
                  allLabel="All datastores"
                  value={search.datastore}
                  options={datastores}
                  onChange={(datastore) => setSearch({ datastore })}
                />
              </>
            }
          />
        </div>
      )}
      {restarting ? (
        <RestartDialog
          instance={restarting}
          scope={scope}
          open
          onOpenChange={(o) => (o ? undefined : setRestarting(null))}
        />
      ) : null}
      {deleting ? (
        <DeleteInstanceDialog
          instance={deleting}
          scope={scope}
          open
          onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        />
      ) : null}
      <BulkRestartInstancesDialog
        instances={bulkRestarting}
        scope={scope}
        onClose={() => setBulkRestarting([])}
      />
      <BulkDeleteInstancesDialog
        instances={bulkDeleting}
        scope={scope}
        onClose={() => setBulkDeleting([])}
      />
    </div>
  )
}

const instanceId = (i: Instance) => i.id
const instanceName = (i: Instance) => i.name

export function InstancesListSkeleton() {
  return <DataTableSkeleton label="Loading instances" />
}
