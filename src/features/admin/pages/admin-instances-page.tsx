import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { FilterSelect } from '@/components/data-table/filter-select'
import { useSuspenseInfiniteQuery } from '@tanstack/react-query'
import { Database } from 'lucide-react'
import { MGMT_PAGE_SIZE, mgmtInstancePagesQueryOptions } from '@/api/mgmt/queries'
import { mgmtActionRefusal } from '@/api/rules/mgmt-actions'
import { MGMT_ACTIONS, type MgmtAction, type MgmtInstance } from '@/api/mgmt/schemas'
import { DataTable } from '@/components/data-table/data-table'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import type { RowAction } from '@/components/data-table/row-actions-menu'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Label } from '@/components/ui/label'
import { Select } from '@/components/ui/select'
import { ProjectPicker } from '@/components/project-picker'
import { useProjectDirectory } from '@/hooks/use-identity-names'
import { useScope } from '@/hooks/use-session'
import { adminInstanceColumns } from '../components/admin-instance-columns'
import { AdminPage } from '../components/admin-shell'
import { ACTION_TEXT, MgmtActionDialog } from '../components/mgmt-action-dialog'
import { deletedFilter, filterByStatus, nameThenId } from '../lib/admin-instance-list'
import { type AdminInstancesSearch } from '../lib/admin-instance-search'

const route = getRouteApi('/_app/admin/instances/')

/** The list's read (server pages): the same options object as the route's loader. */
export function adminInstancesOptions(
  scope: { projectId: string; region: string },
  s: Pick<AdminInstancesSearch, 'project' | 'deleted'>,
) {
  return mgmtInstancePagesQueryOptions(scope, {
    projectId: s.project || undefined,
    deleted: deletedFilter(s.deleted),
  })
}

/**
 * Every project's instances (GET /mgmt/instances) with project, server and volume ids, read a
 * page at a time from the server (newest first): the first page shows at once, more on request.
 */
export function AdminInstancesPage() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  // Deferred: while the cloud is asked for another project, the list shown stays (no fallback).
  const project = useDeferredValue(search.project)
  const deleted = useDeferredValue(search.deleted)
  const pages = useSuspenseInfiniteQuery(adminInstancesOptions(scope, { project, deleted }))
  const all = useMemo(() => pages.data.pages.flatMap((p) => p.instances), [pages.data])
  const rows = useMemo(() => filterByStatus(all, search.status), [all, search.status])
  const statuses = useMemo(() => [...new Set(all.map((i) => i.status))].sort(), [all])
  const { data: directory } = useProjectDirectory()
  const setSearch = useCallback(
    (patch: Partial<AdminInstancesSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const [acting, setActing] = useState<{ instance: MgmtInstance; action: MgmtAction } | null>(null)
  const rowActions = useMemo<RowAction<MgmtInstance>[]>(
    () => [
      {
        label: 'Open',
        onSelect: (i) =>
          void navigate({ to: '/admin/instances/$instanceId', params: { instanceId: i.id } }),
      },
      ...MGMT_ACTIONS.map((action): RowAction<MgmtInstance> => ({
        label: ACTION_TEXT[action].label,
        destructive: action === 'stop' || action === 'rebuild',
        onSelect: (instance) => setActing({ instance, action }),
        disabledReason: (i) => mgmtActionRefusal(action, i)?.message,
      })),
    ],
    [navigate],
  )

  return (
    <AdminPage
      title="All instances"
      description="Every project's database instances in this region, with their compute server and volume."
    >
      <DataTable
        label="Instances of all projects"
        idPrefix="admin-instances"
        csvName={`instances-all-projects-${scope.region}`}
        columns={adminInstanceColumns}
        rows={rows}
        totalCount={all.length}
        getRowId={instanceId}
        rowLabel={instanceName}
        tieBreak={nameThenId}
        search={search}
        onSearchChange={setSearch}
        noun={{ one: 'instance', other: 'instances' }}
        filterPlaceholder="Name, id, project, host"
        rowActions={rowActions}
        countSuffix={pages.hasNextPage ? ' read so far (newest first); more on the server' : null}
        minWidth={960}
        onClearFilters={() => {
          setSearch({ status: '', project: '', deleted: 'live' })
        }}
        empty={
          <EmptyState
            icon={Database}
            title="No instances"
            description={
              search.project || search.deleted !== 'live'
                ? 'None matches the project or deleted filter here.'
                : 'No project has an instance in this region.'
            }
            action={
              search.project || search.deleted !== 'live' ? (
                <Button
                  variant="outline"
                  onClick={() => {
                    setSearch({ project: '', deleted: 'live' })
                  }}
                >
                  Show live instances of all projects
                </Button>
              ) : undefined
            }
          />
        }
        filters={
          <>
            <ProjectPicker
              id="admin-instances-project"
              label="Project"
              className="w-56 max-w-full"
              allowEmpty="All projects"
              value={search.project}
              directory={directory}
              onChange={(id) => setSearch({ project: id })}
            />
            <FilterSelect
              id="admin-instances-status"
              label="Status"
              allLabel="Any status"
              value={search.status}
              options={statuses}
              onChange={(status) => setSearch({ status })}
            />
            <div className="grid gap-1.5">
              <Label htmlFor="admin-instances-deleted">Deleted</Label>
              <Select
                id="admin-instances-deleted"
                value={search.deleted}
                onChange={(e) =>
                  setSearch({ deleted: e.target.value as AdminInstancesSearch['deleted'] })
                }
              >
                <option value="live">Live instances</option>
                <option value="deleted">Deleted instances</option>
                <option value="all">Live and deleted</option>
              </Select>
            </div>
          </>
        }
      />
      {pages.hasNextPage ? (
        <MorePages
          read={all.length}
          loading={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
        />
      ) : null}
      {acting ? (
        <MgmtActionDialog
          key={`${acting.instance.id}-${acting.action}`}
          instance={acting.instance}
          action={acting.action}
          onClose={() => setActing(null)}
        />
      ) : null}
    </AdminPage>
  )
}

/** The list's foot while the server has more pages: what was read, and a button for the next. */
function MorePages({
  read,
  loading,
  onMore,
}: {
  read: number
  loading: boolean
  onMore: () => void
}) {
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
      <p>
        The newest {read.toLocaleString()} instances are read; sorting and the filter apply to them.
        The cloud has more.
      </p>
      <Button variant="outline" size="sm" onClick={onMore} disabled={loading}>
        {loading ? 'Reading…' : `Read ${MGMT_PAGE_SIZE.toLocaleString()} more`}
      </Button>
    </div>
  )
}

const instanceId = (i: MgmtInstance) => i.id
const instanceName = (i: MgmtInstance) => i.name

export function AdminInstancesSkeleton() {
  return (
    <AdminPage title="All instances">
      <DataTableSkeleton label="Loading instances" />
    </AdminPage>
  )
}
