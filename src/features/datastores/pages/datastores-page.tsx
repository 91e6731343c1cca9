import { useCallback, useMemo } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Boxes } from 'lucide-react'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import type { Datastore } from '@/api/datastores/schemas'
import { DataTable } from '@/components/data-table/data-table'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { useScope } from '@/hooks/use-session'
import { datastoreColumns } from '../components/datastore-columns'
import type { DatastoresSearch } from '../lib/datastore-search'

const route = getRouteApi('/_app/datastores/')

/** /datastores: every datastore and its active versions; sort and filter in the URL. */
export function DatastoresPage() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: list } = useSuspenseQuery(datastoresQueryOptions(scope))
  const columns = useMemo(() => datastoreColumns(), [])
  const setSearch = useCallback(
    (patch: Partial<DatastoresSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Datastores"
        description="The database engines and versions this cloud offers, with each version's configuration parameters."
      />
      <DataTable
        label="Datastores"
        idPrefix="datastores"
        csvName={`datastores-${scope.region}`}
        columns={columns}
        rows={list}
        getRowId={datastoreId}
        rowLabel={datastoreName}
        search={search}
        onSearchChange={setSearch}
        noun={{ one: 'datastore', other: 'datastores' }}
        filterPlaceholder="Datastore or version"
        minWidth={480}
        empty={
          <EmptyState
            icon={Boxes}
            title="No datastores"
            description="This cloud offers no datastore yet."
          />
        }
      />
    </div>
  )
}

const datastoreId = (d: Datastore) => d.id
const datastoreName = (d: Datastore) => d.name

export function DatastoresListSkeleton() {
  return <DataTableSkeleton label="Loading datastores" />
}
