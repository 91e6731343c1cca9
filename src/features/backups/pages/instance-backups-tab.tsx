import { useCallback, useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Archive, Plus } from 'lucide-react'
import { backupsQueryOptions } from '@/api/backups/queries'
import { instanceQueryOptions } from '@/api/instances/queries'
import type { Backup } from '@/api/backups/schemas'
import { DataTable } from '@/components/data-table/data-table'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { useNow } from '@/hooks/use-now'
import { useScope } from '@/hooks/use-session'
import { backupColumns } from '../components/backup-columns'
import { CreateBackupDialog } from '../components/create-backup-dialog'
import { DeleteBackupDialog } from '../components/delete-backup-dialog'
import { HaBackupsSection } from '../components/ha-backups-section'
import { useBackupRowActions } from '../components/use-backup-row-actions'
import { newestThenId } from '@/api/backups/order'
import type { InstanceBackupsSearch } from '../lib/backup-search'

const route = getRouteApi('/_app/instances/$instanceId/backups')

const noInstanceName = () => undefined

/**
 * The instance page's Backups tab: this instance's backups, from the project's backup list (the
 * same polled query as the backups page and the task tray: no extra request per tab), and the
 * HA backups of its group where the cloud offers them.
 */
export function InstanceBackupsTab() {
  const { instanceId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const scope = useScope()
  const { data: backups } = useSuspenseQuery(backupsQueryOptions(scope))
  const { data: instance } = useSuspenseQuery(instanceQueryOptions({ ...scope, id: instanceId }))
  const now = useNow(30_000)
  const [creating, setCreating] = useState(false)
  const rows = useMemo(
    () => backups.filter((b) => b.instance_id === instanceId),
    [backups, instanceId],
  )
  const columns = useMemo(
    () => backupColumns({ instanceName: noInstanceName, now, hideInstance: true }),
    [now],
  )
  const setSearch = useCallback(
    (patch: Partial<InstanceBackupsSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const [deleting, setDeleting] = useState<Backup | null>(null)
  const rowActions = useBackupRowActions(setDeleting)
  const create = (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden="true" className="size-4" />
      Create backup
    </Button>
  )
  return (
    <div className="grid gap-8">
      <section aria-labelledby="instance-backups" className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="instance-backups" className="text-lg font-semibold">
            Backups
          </h2>
          {rows.length > 0 ? create : null}
        </div>
        <DataTable
          label="Backups of this instance"
          idPrefix="instance-backups"
          csvName={`backups-${instanceId}`}
          columns={columns}
          rows={rows}
          getRowId={backupId}
          rowLabel={backupName}
          tieBreak={newestThenId}
          search={search}
          onSearchChange={setSearch}
          noun={{ one: 'backup', other: 'backups' }}
          filterPlaceholder="Name, ID or description"
          rowActions={rowActions}
          minWidth={600}
          empty={
            <EmptyState
              icon={Archive}
              headingLevel={3}
              title="No backups of this instance"
              description="A backup lets you restore this instance's data into a new instance."
              action={create}
            />
          }
        />
        <CreateBackupDialog
          scope={scope}
          open={creating}
          onOpenChange={setCreating}
          instanceId={instanceId}
        />
        {deleting ? (
          <DeleteBackupDialog
            scope={scope}
            backup={deleting}
            open
            onOpenChange={(o) => (o ? undefined : setDeleting(null))}
          />
        ) : null}
      </section>
      <HaBackupsSection scope={scope} instance={instance} />
    </div>
  )
}

const backupId = (b: Backup) => b.id
const backupName = (b: Backup) => b.name
