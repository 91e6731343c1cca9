import { useDeferredValue, useMemo, useState } from 'react'
import { Link, getRouteApi } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { Database, Plus, RotateCw, Search } from 'lucide-react'
import { describeError } from '@/api/errors'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { INSTANCE_STATUSES } from '@/api/instances/schemas'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Input } from '@/components/ui/input'
import { Label } from '@/components/ui/label'
import { PageHeader } from '@/components/ui/page-header'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import { useNow } from '@/hooks/use-now'
import { useRequiredSession, useScope } from '@/hooks/use-session'
import { InstancesTable } from '../components/instances-table'
import {
  distinctValues,
  filterInstances,
  flavorLookup,
  sortInstances,
  type SortColumn,
} from '../lib/instance-list'

const route = getRouteApi('/_app/instances/')

export function InstancesPage() {
  const scope = useScope()
  const session = useRequiredSession()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const instances = useQuery(instancesQueryOptions(scope))
  const flavors = useQuery(flavorsQueryOptions(scope))
  const now = useNow(30_000)

  // The text box answers at once; filtering 5,000 rows follows at a lower priority.
  const [text, setText] = useState(search.q)
  const deferredText = useDeferredValue(text)
  const lookup = useMemo(() => flavorLookup(flavors.data), [flavors.data])
  const all = instances.data
  const rows = useMemo(
    () =>
      all
        ? sortInstances(
            filterInstances(
              all,
              { q: deferredText, status: search.status, datastore: search.datastore },
              lookup,
            ),
            search.sort,
            search.dir,
            lookup,
          )
        : [],
    [all, deferredText, search.status, search.datastore, search.sort, search.dir, lookup],
  )
  const datastores = useMemo(() => (all ? distinctValues(all, (i) => i.datastore.type) : []), [all])
  const statuses = useMemo(() => {
    const present = all ? distinctValues(all, (i) => i.status) : []
    return [...new Set([...INSTANCE_STATUSES, ...present])]
  }, [all])

  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })

  const onSort = (col: SortColumn) =>
    setSearch({ sort: col, dir: search.sort === col && search.dir === 'asc' ? 'desc' : 'asc' })

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
        actions={launch}
      />
      {instances.isPending ? (
        <InstancesListSkeleton />
      ) : instances.isError && !all ? (
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
      ) : all && all.length === 0 ? (
        <EmptyState
          icon={Database}
          title="No instances yet"
          description={`Launch a database instance in ${scope.region} to get started.`}
          action={launch}
        />
      ) : (
        <div className="grid gap-3">
          <div className="flex flex-wrap items-end gap-3" role="search">
            <div className="grid min-w-56 flex-1 gap-1.5">
              <Label htmlFor="instances-filter">Filter</Label>
              <div className="relative">
                <Search
                  aria-hidden="true"
                  className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
                />
                <Input
                  id="instances-filter"
                  type="search"
                  className="pl-8"
                  placeholder="Name, id, datastore, flavor, address…"
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value)
                    setSearch({ q: e.target.value })
                  }}
                />
              </div>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="instances-status">Status</Label>
              <Select
                id="instances-status"
                value={search.status}
                onChange={(e) => setSearch({ status: e.target.value })}
              >
                <option value="">All statuses</option>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="instances-datastore">Datastore</Label>
              <Select
                id="instances-datastore"
                value={search.datastore}
                onChange={(e) => setSearch({ datastore: e.target.value })}
              >
                <option value="">All datastores</option>
                {datastores.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
                {search.datastore && !datastores.includes(search.datastore) ? (
                  <option value={search.datastore}>{search.datastore}</option>
                ) : null}
              </Select>
            </div>
          </div>
          <p
            className="text-sm text-muted-foreground"
            aria-live="polite"
            data-testid="instances-count"
          >
            {rows.length === all?.length
              ? `${rows.length.toLocaleString()} ${rows.length === 1 ? 'instance' : 'instances'}`
              : `${rows.length.toLocaleString()} of ${(all?.length ?? 0).toLocaleString()} instances`}
            {instances.isFetching ? <span className="sr-only"> (refreshing)</span> : null}
          </p>
          {instances.isError ? (
            <Alert variant="warning">
              Showing the last list read: {describeError(instances.error)}
            </Alert>
          ) : null}
          <InstancesTable
            rows={rows}
            total={all?.length ?? 0}
            flavor={lookup}
            sort={search.sort}
            dir={search.dir}
            onSort={onSort}
            now={now}
          />
        </div>
      )}
    </div>
  )
}

export function InstancesListSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading instances">
      <Skeleton className="h-9 w-full max-w-xl" />
      <Skeleton className="h-4 w-32" />
      <div className="grid gap-2 rounded-lg border p-3">
        {Array.from({ length: 8 }, (_, n) => (
          <Skeleton key={n} className="h-9 w-full" />
        ))}
      </div>
    </div>
  )
}
