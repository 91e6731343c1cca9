import { useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { Archive, Plus, RotateCw, Search } from 'lucide-react'
import { backupsQueryOptions } from '@/api/backups/queries'
import { BACKUP_STATUSES } from '@/api/backups/schemas'
import { describeError } from '@/api/errors'
import { instancesQueryOptions } from '@/api/instances/queries'
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
import { BackupStrategiesSection } from '../components/backup-strategies-section'
import { BackupsTable } from '../components/backups-table'
import { CreateBackupDialog } from '../components/create-backup-dialog'
import { filterBackups, pageOf, sortBackups, type BackupSortColumn } from '../lib/backup-list'

const route = getRouteApi('/_app/backups/')

/** The backups of the project in the region: filters, sort and page in the URL; strategies. */
export function BackupsPage() {
  const scope = useScope()
  const session = useRequiredSession()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const backups = useQuery(backupsQueryOptions(scope))
  const instances = useQuery(instancesQueryOptions(scope))
  const now = useNow(30_000)
  const [creating, setCreating] = useState(false)

  const names = useMemo(
    () => new Map((instances.data ?? []).map((i) => [i.id, i.name])),
    [instances.data],
  )
  const instanceName = (id: string | null | undefined) => (id ? names.get(id) : undefined)
  const all = backups.data
  const filtered = useMemo(
    () =>
      all
        ? sortBackups(filterBackups(all, search), search.sort, search.dir, (id) =>
            id ? (names.get(id) ?? id) : '',
          )
        : [],
    [all, search, names],
  )
  const paged = pageOf(filtered, search.page)
  const datastores = useMemo(
    () => [...new Set((all ?? []).flatMap((b) => (b.datastore ? [b.datastore.type] : [])))].sort(),
    [all],
  )
  const statuses = useMemo(
    () => [...new Set([...BACKUP_STATUSES, ...(all ?? []).map((b) => b.status)])],
    [all],
  )
  const backedUp = useMemo(
    () => [...new Set((all ?? []).flatMap((b) => (b.instance_id ? [b.instance_id] : [])))],
    [all],
  )

  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, page: 1, ...patch }), replace: true })
  const onSort = (col: BackupSortColumn) =>
    setSearch({ sort: col, dir: search.sort === col && search.dir === 'asc' ? 'desc' : 'asc' })

  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden="true" className="size-4" />
      Create backup
    </Button>
  )

  return (
    <div className="grid gap-8">
      <div>
        <PageHeader
          title="Backups"
          description={`Backups of ${session.project.name}'s instances in ${scope.region}.`}
          actions={createButton}
        />
        {backups.isPending ? (
          <BackupsListSkeleton />
        ) : backups.isError && !all ? (
          <Alert
            variant="error"
            title="The backups could not be loaded"
            action={
              <Button variant="outline" size="sm" onClick={() => void backups.refetch()}>
                <RotateCw aria-hidden="true" className="size-4" />
                Retry
              </Button>
            }
          >
            {describeError(backups.error)}
          </Alert>
        ) : all && all.length === 0 ? (
          <EmptyState
            icon={Archive}
            title="No backups yet"
            description={`Back up an instance in ${scope.region} to be able to restore it or copy it to another region.`}
            action={createButton}
          />
        ) : (
          <div className="grid gap-3">
            <div className="flex flex-wrap items-end gap-3" role="search">
              <div className="grid min-w-48 flex-1 gap-1.5">
                <Label htmlFor="backups-filter">Filter</Label>
                <div className="relative">
                  <Search
                    aria-hidden="true"
                    className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
                  />
                  <Input
                    id="backups-filter"
                    type="search"
                    placeholder="Name, ID or description"
                    className="pl-8"
                    defaultValue={search.q}
                    onChange={(e) => setSearch({ q: e.target.value })}
                  />
                </div>
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="backups-instance">Instance</Label>
                <Select
                  id="backups-instance"
                  value={search.instance}
                  onChange={(e) => setSearch({ instance: e.target.value })}
                >
                  <option value="">All instances</option>
                  {backedUp.map((id) => (
                    <option key={id} value={id}>
                      {names.get(id) ?? `${id.slice(0, 8)} (deleted)`}
                    </option>
                  ))}
                </Select>
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="backups-datastore">Datastore</Label>
                <Select
                  id="backups-datastore"
                  value={search.datastore}
                  onChange={(e) => setSearch({ datastore: e.target.value })}
                >
                  <option value="">All datastores</option>
                  {datastores.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </Select>
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="backups-status">Status</Label>
                <Select
                  id="backups-status"
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
            </div>
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {filtered.length === all?.length
                ? `${filtered.length} backup${filtered.length === 1 ? '' : 's'}`
                : `${filtered.length} of ${all?.length ?? 0} backups match`}
            </p>
            {filtered.length === 0 ? (
              <EmptyState
                title="No backup matches these filters"
                action={
                  <Button
                    variant="outline"
                    onClick={() => setSearch({ q: '', instance: '', datastore: '', status: '' })}
                  >
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <>
                <BackupsTable
                  rows={paged.rows}
                  label="Backups"
                  instanceName={instanceName}
                  now={now}
                  sort={search.sort}
                  dir={search.dir}
                  onSort={onSort}
                />
                {paged.pages > 1 ? (
                  <nav aria-label="Pages" className="flex items-center justify-end gap-2 text-sm">
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={paged.page <= 1}
                      onClick={() =>
                        void navigate({ search: (p) => ({ ...p, page: paged.page - 1 }) })
                      }
                    >
                      Previous
                    </Button>
                    <span aria-current="page">
                      Page {paged.page} of {paged.pages}
                    </span>
                    <Button
                      variant="outline"
                      size="sm"
                      disabled={paged.page >= paged.pages}
                      onClick={() =>
                        void navigate({ search: (p) => ({ ...p, page: paged.page + 1 }) })
                      }
                    >
                      Next
                    </Button>
                  </nav>
                ) : null}
              </>
            )}
          </div>
        )}
      </div>
      <BackupStrategiesSection scope={scope} />
      <CreateBackupDialog scope={scope} open={creating} onOpenChange={setCreating} />
    </div>
  )
}

export function BackupsListSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading backups">
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  )
}
