import { useCallback, useMemo } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Boxes } from 'lucide-react'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { parametersQueryOptions } from '@/api/parameters/queries'
import type { Parameter } from '@/api/parameters/schemas'
import { DataTable } from '@/components/data-table/data-table'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { useScope } from '@/hooks/use-session'
import { BackLink } from '../components/back-link'
import { parameterColumns } from '../components/parameter-columns'
import { findDatastoreVersion, notOffered } from '../lib/datastore-list'
import { type ParametersSearch } from '../lib/datastore-search'

const route = getRouteApi('/_app/datastores/$datastore/versions/$version')

/** /datastores/$datastore/versions/$version: the parameters, filterable in the URL (`?q=`). */
export function DatastoreVersionPage() {
  const scope = useScope()
  const { datastore: dsName, version: versionName } = route.useParams()
  const { data: list } = useSuspenseQuery(datastoresQueryOptions(scope))
  const { datastore, version } = findDatastoreVersion(list, dsName, versionName)
  // The loader 404s an unknown version first; this covers the list changing under the page.
  if (!datastore || !version) throw notOffered(`Version ${versionName} of ${dsName}`)
  return (
    <ParametersView
      datastoreName={datastore.name}
      versionName={version.name}
      versionId={version.id}
      dsName={dsName}
    />
  )
}

function ParametersView({
  datastoreName,
  versionName,
  versionId,
  dsName,
}: {
  datastoreName: string
  versionName: string
  versionId: string
  dsName: string
}) {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: params } = useSuspenseQuery(parametersQueryOptions({ ...scope, versionId }))
  const columns = useMemo(() => parameterColumns(), [])
  const setSearch = useCallback(
    (patch: Partial<ParametersSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  return (
    <div className="grid gap-6">
      <PageHeader
        breadcrumbs={
          <BackLink to="/datastores/$datastore" params={{ datastore: dsName }} label={dsName} />
        }
        title={`${datastoreName} ${versionName}`}
        description="Configuration parameters of this version: what a configuration group may set, with their limits."
      />
      <DataTable
        label={`Parameters of ${datastoreName} ${versionName}`}
        idPrefix="parameters"
        csvName={`${datastoreName}-${versionName}-parameters`}
        columns={columns}
        rows={params}
        getRowId={parameterName}
        rowLabel={parameterName}
        search={search}
        onSearchChange={setSearch}
        noun={{ one: 'parameter', other: 'parameters' }}
        filterPlaceholder="Name or type"
        minWidth={560}
        empty={
          <EmptyState
            icon={Boxes}
            headingLevel={2}
            title="No parameters"
            description="This version has no configuration parameters: configuration groups are not supported for it."
          />
        }
      />
    </div>
  )
}

const parameterName = (p: Parameter) => p.name
