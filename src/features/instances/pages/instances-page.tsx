import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react'
import { Link, getRouteApi } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { Database, Plus, RotateCw, Search } from 'lucide-react'
import { describeError } from '@/api/errors'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { firstPagesQueryOptions, instancesQueryOptions } from '@/api/instances/queries'
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
  cachedFilterText,
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
  // A long list's first read shows its rows page by page, until the list itself has data.
  const firstPages = useQuery(firstPagesQueryOptions(scope))
  const flavors = useQuery(flavorsQueryOptions(scope))
  const now = useNow(30_000)

  // The text box filters at once (a keystroke compares cached lowercase texts of already sorted
  // rows: a millisecond for 5,000), and the URL follows at a lower priority, after the list is on
  // screen: writing it costs a router navigation, which would double the keystroke-to-repaint
  // time. (Deferring the filter instead costs a second render and often a second frame.)
  const [text, setText] = useState(search.q)
  const deferredText = useDeferredValue(text)
  useEffect(() => {
    if (deferredText === search.q) return
    void navigate({ search: (prev) => ({ ...prev, q: deferredText }), replace: true })
  }, [deferredText, search.q, navigate])
  const lookup = useMemo(() => flavorLookup(flavors.data), [flavors.data])
  const textOf = useMemo(() => cachedFilterText(lookup), [lookup])
  const partial = instances.data === undefined && (firstPages.data?.length ?? 0) > 0
  const all = instances.data ?? (partial ? firstPages.data : undefined)
  // Sorted once per list or sort order; a keystroke only filters the sorted rows.
  const sorted = useMemo(
    () => (all ? sortInstances(all, search.sort, search.dir, lookup) : []),
    [all, search.sort, search.dir, lookup],
  )
  const rows = useMemo(
    () =>
      filterInstances(
        sorted,
        { q: text, status: search.status, datastore: search.datastore },
        lookup,
        textOf,
      ),
    [sorted, text, search.status, search.datastore, lookup, textOf],
  )
  const datastores = useMemo(() => (all ? distinctValues(all, (i) => i.datastore.type) : []), [all])
  const statuses = useMemo(() => {
    const present = all ? distinctValues(all, (i) => i.status) : []
    return [...new Set([...INSTANCE_STATUSES, ...present])]
  }, [all])

  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })

  // Stable, so the memoized table skips the renders a keystroke's URL write causes.
  const onSort = useCallback(
    (col: SortColumn) =>
      void navigate({
        search: (prev) => ({
          ...prev,
          sort: col,
          dir: prev.sort === col && prev.dir === 'asc' ? 'desc' : 'asc',
        }),
        replace: true,
      }),
    [navigate],
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
        actions={launch}
      />
      {instances.isPending && !all ? (
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
            {partial ? (
              <span data-testid="instances-loading-more"> so far, loading more…</span>
            ) : instances.isFetching ? (
              <span className="sr-only"> (refreshing)</span>
            ) : null}
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
