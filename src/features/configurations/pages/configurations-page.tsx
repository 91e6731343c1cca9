import { useCallback, useMemo, useState } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { FilterSelect } from '@/components/data-table/filter-select'
import { Link, getRouteApi } from '@tanstack/react-router'
import { Plus, SlidersHorizontal } from 'lucide-react'
import { configurationsQueryOptions } from '@/api/configurations/queries'
import type { ConfigurationSummary } from '@/api/configurations/schemas'
import { DataTable } from '@/components/data-table/data-table'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { useScope } from '@/hooks/use-session'
import { configurationColumns } from '../components/configuration-columns'
import { DeleteConfigurationDialog } from '../components/delete-configuration-dialog'
import { useAttachedCounts } from '../lib/use-attached-counts'
import { deleteBlockedReason, groupDatastores } from '../lib/configuration-list'
import { type ConfigurationsSearch } from '../lib/configuration-search'

const route = getRouteApi('/_app/configurations/')

export function ConfigurationsListSkeleton() {
  return <DataTableSkeleton label="Loading configuration groups" />
}

/** The project's configuration groups in the region: sort, filter and datastore in the URL. */
export function ConfigurationsPage() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: all } = useSuspenseQuery(configurationsQueryOptions(scope))
  // Side data: how many instances use each group (neither list says). Unknown until read.
  const counts = useAttachedCounts(scope, all)
  const columns = useMemo(
    () => configurationColumns({ attached: (id) => counts.get(id) }),
    [counts],
  )
  const datastores = useMemo(() => groupDatastores(all), [all])
  const rows = useMemo(
    () => (search.datastore ? all.filter((g) => g.datastore_name === search.datastore) : all),
    [all, search.datastore],
  )
  const setSearch = useCallback(
    (patch: Partial<ConfigurationsSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const [deleting, setDeleting] = useState<ConfigurationSummary | null>(null)
  const rowActions = useMemo<RowAction<ConfigurationSummary>[]>(
    () => [
      {
        label: 'Open',
        onSelect: (g) =>
          void navigate({
            to: '/configurations/$configurationId',
            params: { configurationId: g.id },
          }),
      },
      {
        label: 'Delete',
        destructive: true,
        onSelect: setDeleting,
        disabledReason: (g) => deleteBlockedReason(counts.get(g.id)),
      },
    ],
    [navigate, counts],
  )

  const createButton = (
    <Button asChild>
      <Link
        to="/configurations/new"
        search={search.datastore ? { datastore: search.datastore } : {}}
      >
        <Plus aria-hidden="true" />
        Create group
      </Link>
    </Button>
  )

  return (
    <div className="mx-auto grid max-w-5xl gap-6">
      <PageHeader
        title="Configuration groups"
        description="Parameter values for a datastore version, attached to its instances."
        actions={all.length > 0 ? createButton : undefined}
      />
      <DataTable
        label={`Configuration groups${search.datastore ? ` for ${search.datastore}` : ''}`}
        idPrefix="configurations"
        csvName={`configuration-groups-${scope.region}`}
        columns={columns}
        rows={rows}
        totalCount={all.length}
        getRowId={groupId}
        rowLabel={groupName}
        search={search}
        onSearchChange={setSearch}
        noun={{ one: 'configuration group', other: 'configuration groups' }}
        filterPlaceholder="Name, ID, description or datastore"
        rowActions={rowActions}
        onClearFilters={() => setSearch({ datastore: '' })}
        minWidth={640}
        empty={
          <EmptyState
            icon={SlidersHorizontal}
            title="No configuration groups yet"
            description="Create one from a datastore version's parameters, then attach it to instances of that version."
            action={createButton}
          />
        }
        filters={
          <FilterSelect
            id="configurations-datastore"
            label="Datastore"
            allLabel="All datastores"
            value={search.datastore}
            options={datastores}
            onChange={(datastore) => setSearch({ datastore })}
          />
        }
      />
      {deleting ? (
        <DeleteConfigurationDialog
          scope={scope}
          group={deleting}
          attached={counts.get(deleting.id)}
          open
          onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        />
      ) : null}
    </div>
  )
}

const groupId = (g: ConfigurationSummary) => g.id
const groupName = (g: ConfigurationSummary) => g.name
