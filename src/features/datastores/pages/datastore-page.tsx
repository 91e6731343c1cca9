import { useCallback, useMemo } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Boxes } from 'lucide-react'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { DataTable } from '@/components/data-table/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { useScope } from '@/hooks/use-session'
import { BackLink } from '../components/back-link'
import { versionColumns } from '../components/version-columns'
import { findDatastore, notOffered, type DatastoreVersionRef } from '../lib/datastore-list'
import { type VersionsSearch } from '../lib/datastore-search'

const route = getRouteApi('/_app/datastores/$datastore/')

/** /datastores/$datastore: its active versions (the loader 404s an unknown datastore). */
export function DatastorePage() {
  const scope = useScope()
  const { datastore: name } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: list } = useSuspenseQuery(datastoresQueryOptions(scope))
  const ds = findDatastore(list, name)
  const columns = useMemo(() => (ds ? versionColumns(ds) : []), [ds])
  const setSearch = useCallback(
    (patch: Partial<VersionsSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  // The loader 404s first; this covers the list changing under the page.
  if (!ds) throw notOffered(`Datastore ${name}`)
  return (
    <div className="grid gap-6">
      <PageHeader
        breadcrumbs={<BackLink to="/datastores" label="Datastores" />}
        title={ds.name}
        description="Active versions of this datastore. Open one to see its configuration parameters."
      />
      <DataTable
        label={`Versions of ${ds.name}`}
        idPrefix="versions"
        csvName={`${ds.name}-versions`}
        columns={columns}
        rows={ds.versions}
        getRowId={versionId}
        rowLabel={versionName}
        search={search}
        onSearchChange={setSearch}
        noun={{ one: 'version', other: 'versions' }}
        minWidth={560}
        empty={
          <EmptyState
            icon={Boxes}
            title="No active versions"
            description={`This cloud offers no active version of ${ds.name}.`}
          />
        }
      />
    </div>
  )
}

const versionId = (v: DatastoreVersionRef) => v.id
const versionName = (v: DatastoreVersionRef) => v.name
