import { useMemo } from 'react'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { Database } from 'lucide-react'
import { mgmtInstancesQueryOptions } from '@/api/mgmt/queries'
import { EmptyState } from '@/components/ui/empty-state'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Skeleton } from '@/components/ui/skeleton'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { formatDateTime } from '@/lib/format'
import { useScope } from '@/hooks/use-session'
import { AdminPage, AdminQueryError } from '../components/admin-shell'
import { InstanceStatusBadges } from '@/components/status/instance-status-badge'
import { deletedFilter, filterMgmtInstances } from '../lib/admin-search'

const route = getRouteApi('/_app/admin/instances/')

/** Every project's instances (GET /mgmt/instances) with project, server and volume ids. */
export function AdminInstancesPage() {
  const scope = useScope()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const query = useQuery(
    mgmtInstancesQueryOptions(scope, {
      projectId: search.project || undefined,
      deleted: deletedFilter(search.deleted),
    }),
  )
  const rows = useMemo(() => filterMgmtInstances(query.data ?? [], search), [query.data, search])
  const statuses = useMemo(
    () => [...new Set((query.data ?? []).map((i) => i.status))].sort(),
    [query.data],
  )
  const set = (patch: Partial<typeof search>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true })

  return (
    <AdminPage
      title="All instances"
      description="Every project's database instances in this region, with their compute server and volume."
    >
      <div className="mb-4 grid gap-3 sm:grid-cols-4">
        <Field label="Search">
          <Input
            type="search"
            value={search.q}
            placeholder="Name, id, project, host"
            onChange={(e) => set({ q: e.target.value })}
          />
        </Field>
        <Field label="Project id" description="Asks the cloud for one project only.">
          <Input
            value={search.project}
            onChange={(e) => set({ project: e.target.value.trim() })}
            autoComplete="off"
          />
        </Field>
        <Field label="Status">
          <Select value={search.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Deleted">
          <Select
            value={search.deleted}
            onChange={(e) => set({ deleted: e.target.value as typeof search.deleted })}
          >
            <option value="live">Live instances</option>
            <option value="deleted">Deleted instances</option>
            <option value="all">Live and deleted</option>
          </Select>
        </Field>
      </div>
      {query.isPending ? (
        <AdminTableSkeleton />
      ) : query.isError ? (
        <AdminQueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={Database}
          title={query.data.length === 0 ? 'No instances' : 'No instance matches the filters'}
          description={
            query.data.length === 0
              ? 'No project has an instance in this region.'
              : 'Change or clear the filters above.'
          }
        />
      ) : (
        <Table aria-label="Instances of all projects">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Project</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Datastore</TableHead>
              <TableHead>Host</TableHead>
              <TableHead>Server id</TableHead>
              <TableHead>Volume id</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((i) => (
              <TableRow key={i.id}>
                <TableCell>
                  <Link
                    to="/admin/instances/$instanceId"
                    params={{ instanceId: i.id }}
                    className="font-medium underline-offset-4 hover:underline"
                  >
                    {i.name}
                  </Link>
                </TableCell>
                <TableCell className="font-mono text-xs">{i.tenant_id}</TableCell>
                <TableCell>
                  <InstanceStatusBadges
                    status={i.deleted ? 'DELETED' : i.status}
                    operatingStatus={i.deleted ? undefined : i.operating_status}
                  />
                </TableCell>
                <TableCell>
                  {i.datastore.type ? `${i.datastore.type} ${i.datastore.version ?? ''}` : '—'}
                </TableCell>
                <TableCell>{i.server?.host ?? '—'}</TableCell>
                <TableCell className="font-mono text-xs">{i.server_id ?? '—'}</TableCell>
                <TableCell className="font-mono text-xs">{i.volume_id ?? '—'}</TableCell>
                <TableCell className="whitespace-nowrap">{formatDateTime(i.created)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </AdminPage>
  )
}

export function AdminTableSkeleton() {
  return (
    <div className="grid gap-2" aria-busy="true" aria-label="Loading">
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  )
}
