import { useCallback, useMemo, useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { FileText, RotateCw } from 'lucide-react'
import { useGuestLogAction } from '@/api/logs/mutations'
import { guestLogsQueryOptions } from '@/api/logs/queries'
import type { GuestLog, GuestLogAction } from '@/api/logs/schemas'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { DataTable } from '@/components/data-table/data-table'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { useScope } from '@/hooks/use-session'
import { guestLogColumns } from '../components/guest-log-columns'
import { GuestLogViewer } from '../components/guest-log-viewer'
import { logName } from '../lib/guest-log-list'
import { type LogsSearch } from '../lib/guest-log-search'

const route = getRouteApi('/_app/instances/$instanceId/logs')
const NOUN = { one: 'log', other: 'logs' }

/**
 * The instance page's Logs tab: the guest logs (Trove's guest_log API) with enable, disable,
 * publish and discard, and a viewer of the published text (search, download, follow).
 */
export function LogsTab() {
  const { instanceId } = route.useParams()
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const scope = useScope()
  const params = { ...scope, id: instanceId }
  const logs = useSuspenseQuery(guestLogsQueryOptions(params))
  const action = useGuestLogAction(params)
  const [viewing, setViewing] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<{ log: GuestLog; action: 'disable' | 'discard' } | null>(
    null,
  )
  const setSearch = useCallback(
    (patch: Partial<LogsSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  )
  const viewingLog = logs.data.find((l) => l.name === viewing)
  const mutate = action.mutate
  const busy = action.isPending
  const columns = useMemo(
    () =>
      guestLogColumns({
        run: (log, a: GuestLogAction) => {
          if (a === 'disable' || a === 'discard') setConfirm({ log, action: a })
          else mutate({ name: log.name, action: a })
        },
        busy,
        viewing,
        onView: (name) => setViewing((v) => (v === name ? null : name)),
      }),
    [mutate, busy, viewing],
  )

  return (
    <section aria-labelledby="logs-heading" className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="logs-heading" className="text-lg font-semibold">
          Logs
        </h2>
        <Button variant="outline" size="sm" onClick={() => void logs.refetch()}>
          <RotateCw aria-hidden="true" className="size-4" />
          Refresh
        </Button>
      </div>
      <p className="text-sm text-muted-foreground">
        User logs are collected once enabled; system logs always are. Publishing copies what was
        collected to object storage, where it can be read.
      </p>
      {action.error && !confirm ? <RequestErrorAlert error={action.error} /> : null}
      <DataTable
        label="Guest logs"
        idPrefix="logs"
        columns={columns}
        rows={logs.data}
        getRowId={logName}
        rowLabel={logName}
        search={search}
        onSearchChange={setSearch}
        noun={NOUN}
        minWidth={760}
        csvName={`guest-logs-${instanceId}`}
        empty={
          <EmptyState
            icon={FileText}
            headingLevel={3}
            title="No logs"
            description="This datastore exposes no guest logs to your role."
          />
        }
      />
      {viewingLog ? (
        <section aria-labelledby="log-viewer-heading" className="grid gap-2">
          <h3 id="log-viewer-heading" className="font-semibold">
            Published {viewingLog.name} log
          </h3>
          <GuestLogViewer key={viewingLog.name} instanceId={instanceId} log={viewingLog} />
        </section>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(o) => {
          if (!o) {
            action.reset()
            setConfirm(null)
          }
        }}
        title={
          confirm?.action === 'discard'
            ? `Discard the published ${confirm.log.name} log?`
            : `Disable the ${confirm?.log.name ?? ''} log?`
        }
        description={
          confirm?.action === 'discard'
            ? 'The published objects are deleted from object storage. Lines not yet published stay pending.'
            : 'The database stops writing this log. What was published stays readable.'
        }
        confirmLabel={confirm?.action === 'discard' ? 'Discard' : 'Disable'}
        confirmVariant="destructive"
        pending={action.isPending}
        error={action.error}
        onConfirm={() => {
          if (!confirm) return
          action.mutate(
            { name: confirm.log.name, action: confirm.action },
            { onSuccess: () => setConfirm(null) },
          )
        }}
      />
    </section>
  )
}
