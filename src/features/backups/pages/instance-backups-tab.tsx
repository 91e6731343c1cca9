import { useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { Archive, Plus, RotateCw } from 'lucide-react'
import { backupsQueryOptions } from '@/api/backups/queries'
import { describeError } from '@/api/errors'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Skeleton } from '@/components/ui/skeleton'
import { useNow } from '@/hooks/use-now'
import { useScope } from '@/hooks/use-session'
import { BackupsTable } from '../components/backups-table'
import { CreateBackupDialog } from '../components/create-backup-dialog'
import { sortBackups } from '../lib/backup-list'

const route = getRouteApi('/_app/instances/$instanceId/backups')

/**
 * The instance page's Backups tab: this instance's backups, from the project's backup list (the
 * same polled query as the backups page and the task tray: no extra request per tab).
 */
export function InstanceBackupsTab() {
  const { instanceId } = route.useParams()
  const scope = useScope()
  const backups = useQuery(backupsQueryOptions(scope))
  const now = useNow(30_000)
  const [creating, setCreating] = useState(false)
  const rows = useMemo(
    () =>
      sortBackups(
        (backups.data ?? []).filter((b) => b.instance_id === instanceId),
        'created',
        'desc',
      ),
    [backups.data, instanceId],
  )
  const create = (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden="true" className="size-4" />
      Create backup
    </Button>
  )
  return (
    <section aria-labelledby="instance-backups" className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="instance-backups" className="text-lg font-semibold">
          Backups
        </h2>
        {rows.length > 0 ? create : null}
      </div>
      {backups.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : backups.isError && !backups.data ? (
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
      ) : rows.length === 0 ? (
        <EmptyState
          icon={Archive}
          headingLevel={3}
          title="No backups of this instance"
          description="A backup lets you restore this instance's data into a new instance."
          action={create}
        />
      ) : (
        <BackupsTable
          rows={rows}
          label="Backups of this instance"
          instanceName={() => undefined}
          now={now}
          hideInstance
        />
      )}
      <CreateBackupDialog
        scope={scope}
        open={creating}
        onOpenChange={setCreating}
        instanceId={instanceId}
      />
    </section>
  )
}
