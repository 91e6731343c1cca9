import { useCallback, useMemo, useState } from 'react'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { FilterSelect } from '@/components/data-table/filter-select'
import { Link, getRouteApi } from '@tanstack/react-router'
import { Server } from 'lucide-react'
import { servicesQueryOptions } from '@/api/dbaas/queries'
import type { Service } from '@/api/dbaas/schemas'
import { instancesQueryOptions } from '@/api/instances/queries'
import { NoServicesNotice } from '@/components/dbaas/no-services-notice'
import { RequireDbaas } from '@/components/dbaas/require-dbaas'
import { DataTable } from '@/components/data-table/data-table'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import { buttonVariants } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { useScope } from '@/hooks/use-session'
import { DeleteServiceDialog } from '../components/delete-service-dialog'
import { serviceColumns } from '../components/service-columns'
import { instancesByServiceName } from '../lib/service-instance'
import { deleteBlocked, filterServices } from '../lib/service-list'
import { type ServicesSearch } from '../lib/service-search'
import { typeLabel } from '../lib/service-labels'

const route = getRouteApi('/_app/services/')

/** The project's DBaaS services in the region: one per instance, saying which one. */
export function ServicesPage() {
  return (
    <RequireDbaas title="Services">
      <ServicesList />
    </RequireDbaas>
  )
}

function ServicesList() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const { data: all } = useSuspenseQuery(servicesQueryOptions(scope))
  // Side data: which instance each service stands for (the list works without it).
  const instances = useQuery(instancesQueryOptions(scope))
  const byName = useMemo(() => instancesByServiceName(instances.data), [instances.data])
  const columns = useMemo(() => serviceColumns((s) => byName.get(s.name)), [byName])
  const rows = useMemo(() => filterServices(all, search.type), [all, search.type])
  const types = useMemo(() => [...new Set(all.map((s) => s.type))].sort(), [all])
  const [deleting, setDeleting] = useState<Service | null>(null)

  const setSearch = useCallback(
    (patch: Partial<ServicesSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const rowActions = useMemo<RowAction<Service>[]>(
    () => [
      {
        label: 'Open',
        onSelect: (s) =>
          void navigate({ to: '/services/$serviceName', params: { serviceName: s.name } }),
      },
      {
        label: 'Metrics',
        onSelect: (s) => void navigate({ to: '/metrics', search: { service: s.name } }),
      },
      {
        label: 'Logs',
        onSelect: (s) => void navigate({ to: '/logs', search: { service: s.name } }),
      },
      { label: 'Delete', destructive: true, onSelect: setDeleting, disabledReason: deleteBlocked },
    ],
    [navigate],
  )

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Services"
        description={
          <>
            Each service is one of your database instances seen as a managed service: the cloud
            derives it from the instance of the same name (its flavor is the plan, its replicas the
            extra nodes), so it is not a second database. Launch, resize and delete databases on the{' '}
            <Link to="/instances" className="text-link underline underline-offset-4">
              Instances
            </Link>{' '}
            page; here you see plans, integrations, migration, metrics and logs.
          </>
        }
        actions={
          <Link to="/services/plans" className={buttonVariants({ variant: 'outline' })}>
            Compare plans
          </Link>
        }
      />
      <DataTable
        label="Services"
        idPrefix="services"
        csvName={`services-${scope.region}`}
        columns={columns}
        rows={rows}
        totalCount={all.length}
        getRowId={serviceName}
        rowLabel={serviceName}
        search={search}
        onSearchChange={setSearch}
        noun={{ one: 'service', other: 'services' }}
        filterPlaceholder="Name, engine, plan or state"
        rowActions={rowActions}
        onClearFilters={() => setSearch({ type: '' })}
        empty={
          <NoServicesNotice
            icon={Server}
            description="Every instance you launch is a service here."
            action={
              <Link to="/instances/new" className={buttonVariants()}>
                Launch instance
              </Link>
            }
          />
        }
        filters={
          <FilterSelect
            id="services-type"
            label="Engine"
            allLabel="All engines"
            value={search.type}
            options={types.map((t) => ({ value: t, label: typeLabel(t) }))}
            onChange={(type) => setSearch({ type })}
          />
        }
      />
      {deleting ? (
        <DeleteServiceDialog
          service={deleting}
          open
          onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        />
      ) : null}
    </div>
  )
}

const serviceName = (s: Service) => s.name

export function ServicesListSkeleton() {
  return <DataTableSkeleton label="Loading services" />
}
