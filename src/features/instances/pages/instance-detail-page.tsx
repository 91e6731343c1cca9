import { Outlet, getRouteApi, useNavigate } from '@tanstack/react-router'
import { useSuspenseQuery } from '@tanstack/react-query'
import { instanceQueryOptions } from '@/api/instances/queries'
import { isTransitional } from '@/api/instances/status'
import { isAdmin } from '@/api/session/session-store'
import { FreshnessLabel } from '@/components/freshness-label'
import { PageHeader } from '@/components/ui/page-header'
import { InstancesBreadcrumb } from '../components/instances-breadcrumb'
import { useNow } from '@/hooks/use-now'
import { useRequiredSession, useScope } from '@/hooks/use-session'
import { InstanceActions } from '../components/instance-actions'
import { InstanceStatusBadges } from '@/components/status/instance-status-badge'
import { StuckBadgeFor } from '@/components/status/stuck-badge'
import { InstanceTabs } from '../components/instance-tabs'
import { StatusGuidePanel } from '../components/status-guide-panel'

const route = getRouteApi('/_app/instances/$instanceId')

/** The instance page: header, status, actions, fault, then the tabs (overview, and per area). */
export function InstanceDetailPage() {
  const { instanceId } = route.useParams()
  const scope = useScope()
  const session = useRequiredSession()
  const navigate = useNavigate()
  const { data: instance, dataUpdatedAt } = useSuspenseQuery(
    instanceQueryOptions({ ...scope, id: instanceId }),
  )
  const now = useNow(isTransitional(instance) ? 5000 : 60_000)
  const admin = isAdmin(session)

  return (
    <div className="grid gap-6">
      <PageHeader
        breadcrumbs={<InstancesBreadcrumb />}
        title={instance.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <InstanceStatusBadges
              status={instance.status}
              operatingStatus={instance.operating_status}
            />
            <StuckBadgeFor kind="instance" id={instance.id} />
            <FreshnessLabel
              kind="instances"
              readAt={dataUpdatedAt}
              following={isTransitional(instance)}
              testId="instance-freshness"
            />
          </span>
        }
        className="mb-0"
      />
      <InstanceActions
        instance={instance}
        scope={scope}
        isAdmin={admin}
        onDeleted={() => void navigate({ to: '/instances' })}
      />

      <StatusGuidePanel
        instance={instance}
        scope={scope}
        isAdmin={admin}
        now={now}
        onDeleted={() => void navigate({ to: '/instances' })}
      />

      <InstanceTabs instanceId={instance.id} />
      <Outlet />
    </div>
  )
}
