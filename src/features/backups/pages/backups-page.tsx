import { useCallback, useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { newestThenId } from '@/api/backups/order'
import { FilterSelect } from '@/components/data-table/filter-select'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Archive, Plus } from 'lucide-react'
import { useDeleteBackup } from '@/api/backups/mutations'
import { backupsQueryOptions, useRefreshBackups } from '@/api/backups/queries'
import { BACKUP_STATUSES, type Backup } from '@/api/backups/schemas'
import { instancesQueryOptions } from '@/api/instances/queries'
import { BulkConfirmDialog } from '@/components/bulk-confirm-dialog'
import { DataTable } from '@/components/data-table/data-table'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import type { BulkAction } from '@/components/data-table/selection-bar'
import { ListFreshness } from '@/components/list-freshness'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { useNow } from '@/hooks/use-now'
import { useRequiredSession, useScope } from '@/hooks/use-session'
import { BackupStrategiesSection } from '../components/backup-strategies-section'
import { backupColumns } from '../components/backup-columns'
import { CreateBackupDialog } from '../components/create-backup-dialog'
import { DeleteBackupDialog } from '../components/delete-backup-dialog'
import { useBackupRowActions } from '../components/use-backup-row-actions'
import { bulkDeleteRoots, filterBackups } from '../lib/backup-list'
import { type BackupsSearch } from '../lib/backup-search'

const route = getRouteApi('/_app/backups/')

/** The backups of the project in the region: filters, sort and page in the URL; strategies. */
export function BackupsPage() {
  const scope = useScope()
  const session = useRequiredSession()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const backups = useSuspenseQuery(backupsQueryOptions(scope))
  const refresh = useRefreshBackups(scope)
  const remove = useDeleteBackup(scope)
  const instances = useQuery(instancesQueryOptions(scope))
  const now = useNow(30_000)
  const [creating, setCreating] = useState(false)

  const names = useMemo(
    () => new Map((instances.data ?? []).map((i) => [i.id, i.name])),
    [instances.data],
  )
  const columns = useMemo(
    () => backupColumns({ instanceName: (id) => (id ? names.get(id) : undefined), now }),
    [names, now],
  )
  const all = backups.data
  // The page's own selects; the table sorts and filters the text.
  const rows = useMemo(() => filterBackups(all, { ...search, q: '' }), [all, search])
  const datastores = useMemo(
    () => [...new Set(all.flatMap((b) => (b.datastore ? [b.datastore.type] : [])))].sort(),
    [all],
  )
  const statuses = useMemo(
    () => [...new Set([...BACKUP_STATUSES, ...all.map((b) => b.status)])],
    [all],
  )
  const backedUp = useMemo(
    () => [...new Set(all.flatMap((b) => (b.instance_id ? [b.instance_id] : [])))],
    [all],
  )

  const setSearch = useCallback(
    (patch: Partial<BackupsSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const [deleting, setDeleting] = useState<Backup | null>(null)
  const rowActions = useBackupRowActions(setDeleting)
  const [bulkDeleting, setBulkDeleting] = useState<Backup[]>([])
  const bulkActions = useMemo<BulkAction<Backup>[]>(
    () => [{ label: 'Delete', destructive: true, onRun: setBulkDeleting }],
    [],
  )
  // Incrementals of a selected parent go with it: the cloud is asked for the parent only.
  const bulkRoots = useMemo(
    () => new Set(bulkDeleteRoots(bulkDeleting, all).map((b) => b.id)),
    [bulkDeleting, all],
  )

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
          actions={
            <>
              <ListFreshness
                kind="backups"
                idPrefix="backups"
                dataUpdatedAt={backups.dataUpdatedAt}
                isFetching={backups.isFetching}
                onRefresh={refresh}
              />
              {createButton}
            </>
          }
        />
        <DataTable
          label="Backups"
          idPrefix="backups"
          csvName={`backups-${scope.region}`}
          columns={columns}
          rows={rows}
          totalCount={all?.length}
          getRowId={backupId}
          rowLabel={backupName}
          tieBreak={newestThenId}
          search={search}
          onSearchChange={setSearch}
          noun={{ one: 'backup', other: 'backups' }}
          filterPlaceholder="Name, ID or description"
          rowActions={rowActions}
          bulkActions={bulkActions}
          onClearFilters={() => setSearch({ instance: '', datastore: '', status: '' })}
          empty={
            <EmptyState
              icon={Archive}
              title="No backups yet"
              description={`Back up an instance in ${scope.region} to be able to restore it or copy it to another region.`}
              action={createButton}
            />
          }
          filters={
            <>
              <FilterSelect
                id="backups-instance"
                label="Instance"
                allLabel="All instances"
                value={search.instance}
                options={backedUp.map((id) => ({
                  value: id,
                  label: names.get(id) ?? `${id.slice(0, 8)} (deleted)`,
                }))}
                onChange={(instance) => setSearch({ instance })}
              />
              <FilterSelect
                id="backups-datastore"
                label="Datastore"
                allLabel="All datastores"
                value={search.datastore}
                options={datastores}
                onChange={(datastore) => setSearch({ datastore })}
              />
              <FilterSelect
                id="backups-status"
                label="Status"
                allLabel="All statuses"
                value={search.status}
                options={statuses}
                onChange={(status) => setSearch({ status })}
              />
            </>
          }
        />
      </div>
      <BackupStrategiesSection scope={scope} />
      <CreateBackupDialog scope={scope} open={creating} onOpenChange={setCreating} />
      {deleting ? (
        <DeleteBackupDialog
          scope={scope}
          backup={deleting}
          open
          onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        />
      ) : null}
      <BulkConfirmDialog
        items={bulkDeleting}
        noun={{ one: 'backup', other: 'backups' }}
        verb="Delete"
        description={
          <>
            Their files are removed from object storage, with every incremental built on them. This
            cannot be undone: {bulkDeleting.map((b) => b.name).join(', ')}.
          </>
        }
        run={(backup) =>
          bulkRoots.has(backup.id) ? remove.mutateAsync({ backup }) : Promise.resolve()
        }
        onReset={remove.reset}
        onClose={() => setBulkDeleting([])}
      />
    </div>
  )
}

const backupId = (b: Backup) => b.id
const backupName = (b: Backup) => b.name

export function BackupsListSkeleton() {
  return <DataTableSkeleton label="Loading backups" />
}
