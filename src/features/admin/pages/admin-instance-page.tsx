import { useState, type ReactNode } from 'react'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { isTransitional } from '@/api/instances/status'
import { mgmtInstanceQueryOptions, rootHistoryQueryOptions } from '@/api/mgmt/queries'
import { MGMT_ACTIONS, type MgmtAction } from '@/api/mgmt/schemas'
import { mgmtActionRefusal } from '@/api/rules/mgmt-actions'
import { ActionButton } from '@/components/action-button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Spinner } from '@/components/ui/spinner'
import { formatDateTime } from '@/lib/format'
import { useScope } from '@/hooks/use-session'
import { AdminPage } from '../components/admin-shell'
import { ACTION_TEXT, MgmtActionDialog } from '../components/mgmt-action-dialog'
import { RequestErrorAlert } from '@/components/request-error-alert'
import { InstanceStatusBadges } from '@/components/status/instance-status-badge'
import { ProjectName } from '@/components/identity-name'

const route = getRouteApi('/_app/admin/instances/$instanceId')

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  )
}

/** One instance of any project (GET /mgmt/instances/{id}): admin actions and root history. */
export function AdminInstancePage() {
  const { instanceId } = route.useParams()
  const scope = useScope()
  const { data: i } = useSuspenseQuery(mgmtInstanceQueryOptions(scope, instanceId))
  // Side data: the card says so when the cloud does not answer it.
  const root = useQuery(rootHistoryQueryOptions(scope, instanceId))
  const [action, setAction] = useState<MgmtAction | null>(null)

  const back = (
    <Link to="/admin/instances" className="text-sm underline-offset-4 hover:underline">
      ← All instances
    </Link>
  )
  const moving = !i.deleted && isTransitional(i)
  return (
    <AdminPage
      title={i.name}
      description={<span className="font-mono text-xs">{i.id}</span>}
      actions={back}
    >
      <div className="mb-4 flex flex-wrap items-center gap-3" aria-live="polite">
        <InstanceStatusBadges
          status={i.deleted ? 'DELETED' : i.status}
          operatingStatus={i.deleted ? undefined : i.operating_status}
        />
        <span className="text-sm text-muted-foreground">{i.task_description}</span>
        {moving ? <Spinner label="Following the instance until it settles" /> : null}
      </div>
      {i.deleted ? null : (
        <div className="mb-6 flex flex-wrap gap-2" role="group" aria-label="Admin actions">
          {MGMT_ACTIONS.map((a) => {
            const refusal = mgmtActionRefusal(a, i)
            return (
              <ActionButton
                key={a}
                availability={
                  refusal ? { allowed: false, reason: refusal.message } : { allowed: true }
                }
                variant={
                  a === 'stop' || a === 'rebuild' || a === 'reset-task-status'
                    ? 'outline'
                    : 'secondary'
                }
                size="sm"
                onClick={() => setAction(a)}
              >
                {ACTION_TEXT[a].label}
              </ActionButton>
            )
          })}
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Instance</CardTitle>
          </CardHeader>
          <CardContent>
            <dl>
              <Row label="Project">
                <ProjectName id={i.tenant_id} copy />
              </Row>
              <Row label="Status">{i.status}</Row>
              <Row label="Operating status">{i.operating_status || '— (a task runs)'}</Row>
              <Row label="Service status">{i.service_status ?? '—'}</Row>
              <Row label="Guest">{i.guest_status?.state_description ?? '—'}</Row>
              <Row label="Datastore">
                {i.datastore.type ?? '—'} {i.datastore.version ?? ''}
                {i.datastore.version_number ? ` (${i.datastore.version_number})` : ''}
              </Row>
              <Row label="Flavor">{String(i.flavor.id)}</Row>
              <Row label="Region">{i.region ?? '—'}</Row>
              <Row label="Created">{formatDateTime(i.created)}</Row>
              <Row label="Updated">{formatDateTime(i.updated)}</Row>
              {i.deleted ? <Row label="Deleted">{formatDateTime(i.deleted_at)}</Row> : null}
              {i.fault ? <Row label="Fault">{i.fault.message}</Row> : null}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Server and volume</CardTitle>
          </CardHeader>
          <CardContent>
            <dl>
              <Row label="Server id">
                <span className="font-mono text-xs">{i.server_id ?? i.server?.id ?? '—'}</span>
              </Row>
              <Row label="Server status">{i.server?.status ?? '—'}</Row>
              <Row label="Compute host">{i.server?.host ?? '—'}</Row>
              <Row label="Addresses">
                {i.server?.addresses?.map((a) => `${a.address} (${a.type ?? 'ip'})`).join(', ') ||
                  '—'}
              </Row>
              <Row label="Volume id">
                <span className="font-mono text-xs">{i.volume_id ?? i.volume?.id ?? '—'}</span>
              </Row>
              <Row label="Volume">
                {i.volume?.size !== undefined ? `${i.volume.size} GB` : '—'}
                {i.volume?.status ? `, ${i.volume.status}` : ''}
                {typeof i.volume?.used === 'number' ? `, ${i.volume.used} GB used` : ''}
              </Row>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Root history</CardTitle>
          </CardHeader>
          <CardContent>
            {root.isPending ? (
              <p className="text-sm text-muted-foreground">Reading the root history…</p>
            ) : root.isError ? (
              <RequestErrorAlert error={root.error} />
            ) : root.data.enabled === 'Never' ? (
              <p className="text-sm">Root has never been enabled on this instance.</p>
            ) : (
              <dl>
                <Row label="First enabled">{formatDateTime(root.data.enabled)}</Row>
                <Row label="By user">
                  <span className="font-mono text-xs">{root.data.user}</span>
                </Row>
              </dl>
            )}
          </CardContent>
        </Card>
      </div>
      {action ? (
        <MgmtActionDialog
          key={action}
          instance={i}
          action={action}
          onClose={() => setAction(null)}
        />
      ) : null}
    </AdminPage>
  )
}
