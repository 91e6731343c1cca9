import { useState } from 'react'
import { getRouteApi } from '@tanstack/react-router'
import { useQuery } from '@tanstack/react-query'
import { FileText, RotateCw } from 'lucide-react'
import { describeError } from '@/api/errors'
import { useGuestLogAction } from '@/api/logs/mutations'
import { guestLogContentsQueryOptions, guestLogsQueryOptions } from '@/api/logs/queries'
import type { GuestLog, GuestLogAction } from '@/api/logs/schemas'
import {
  LOG_STATUS_DESCRIPTIONS,
  formatBytes,
  hasPublished,
  logActionAvailable,
} from '@/api/logs/status'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Skeleton } from '@/components/ui/skeleton'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { useScope } from '@/hooks/use-session'
import { ConfirmDialog } from '@/components/confirm-dialog'

const route = getRouteApi('/_app/instances/$instanceId/logs')

const ACTION_LABELS: Record<GuestLogAction, string> = {
  enable: 'Enable',
  disable: 'Disable',
  publish: 'Publish',
  discard: 'Discard',
}

/**
 * The instance page's Logs tab: the guest logs (Trove's guest_log API) with enable, disable,
 * publish and discard, and a viewer of the published text (plain text, never HTML).
 */
export function LogsTab() {
  const { instanceId } = route.useParams()
  const scope = useScope()
  const params = { ...scope, id: instanceId }
  const logs = useQuery(guestLogsQueryOptions(params))
  const action = useGuestLogAction(params)
  const [viewing, setViewing] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<{ log: GuestLog; action: 'disable' | 'discard' } | null>(
    null,
  )

  const run = (log: GuestLog, a: GuestLogAction) => {
    if (a === 'disable' || a === 'discard') setConfirm({ log, action: a })
    else action.mutate({ name: log.name, action: a })
  }

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
      {logs.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : logs.isError ? (
        <Alert
          variant="error"
          title="The logs could not be loaded"
          action={
            <Button variant="outline" size="sm" onClick={() => void logs.refetch()}>
              <RotateCw aria-hidden="true" className="size-4" />
              Retry
            </Button>
          }
        >
          {describeError(logs.error)} Logs need the instance's guest agent: a building or failed
          instance may not answer.
        </Alert>
      ) : logs.data.length === 0 ? (
        <EmptyState
          icon={FileText}
          headingLevel={3}
          title="No logs"
          description="This datastore exposes no guest logs to your role."
        />
      ) : (
        <Table aria-label="Guest logs">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Published</TableHead>
              <TableHead>Pending</TableHead>
              <TableHead>Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {logs.data.map((log) => (
              <TableRow key={log.name}>
                <TableCell className="font-mono">{log.name}</TableCell>
                <TableCell>{log.type}</TableCell>
                <TableCell>
                  <Badge
                    variant="outline"
                    title={LOG_STATUS_DESCRIPTIONS[log.status] ?? log.status}
                  >
                    {log.status}
                  </Badge>
                </TableCell>
                <TableCell>{formatBytes(log.published)}</TableCell>
                <TableCell>{formatBytes(log.pending)}</TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {(['enable', 'disable', 'publish', 'discard'] as const)
                      .filter((a) => logActionAvailable(log, a))
                      .map((a) => (
                        <Button
                          key={a}
                          size="sm"
                          variant="outline"
                          aria-label={`${ACTION_LABELS[a]} ${log.name}`}
                          disabled={action.isPending}
                          onClick={() => run(log, a)}
                        >
                          {ACTION_LABELS[a]}
                        </Button>
                      ))}
                    {hasPublished(log) ? (
                      <Button
                        size="sm"
                        variant={viewing === log.name ? 'secondary' : 'ghost'}
                        aria-label={`View ${log.name}`}
                        aria-pressed={viewing === log.name}
                        onClick={() => setViewing(viewing === log.name ? null : log.name)}
                      >
                        View
                      </Button>
                    ) : null}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {viewing ? <LogViewer instanceId={instanceId} name={viewing} /> : null}
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

/** The published text of one log, as text in a monospace block (React escapes it). */
function LogViewer({ instanceId, name }: { instanceId: string; name: string }) {
  const scope = useScope()
  const q = useQuery(guestLogContentsQueryOptions({ ...scope, id: instanceId, name }))
  return (
    <section aria-labelledby="log-viewer-heading" className="grid gap-2">
      <h3 id="log-viewer-heading" className="font-semibold">
        Published {name} log
      </h3>
      {q.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : q.isError ? (
        <Alert variant="error" title="The log could not be read">
          {describeError(q.error)}
        </Alert>
      ) : !q.data.supported ? (
        <Alert variant="info" title="This cloud does not serve log contents">
          Published logs are objects in the object store (Swift): read them from the container and
          prefix shown by the cloud, for example with <code>openstack database log tail</code>.
        </Alert>
      ) : q.data.contents.text === '' ? (
        <p className="text-sm text-muted-foreground">Nothing published yet.</p>
      ) : (
        <pre
          tabIndex={0}
          aria-label={`Contents of the ${name} log`}
          className="max-h-96 overflow-auto rounded-md border bg-muted p-3 font-mono text-xs whitespace-pre"
        >
          {q.data.contents.text}
        </pre>
      )}
    </section>
  )
}
