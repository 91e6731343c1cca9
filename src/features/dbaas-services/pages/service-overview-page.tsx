import { ResourceActivity } from '@/components/activity/resource-activity'
import { StuckBadgeFor } from '@/components/status/stuck-badge'
import { useMemo, useState } from 'react'
import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router'
import { useSetTerminationProtection } from '@/api/dbaas/mutations'
import { servicesQueryOptions } from '@/api/dbaas/queries'
import type { Service } from '@/api/dbaas/schemas'
import { findService } from '@/api/dbaas/service-choice'
import { serviceStateOf } from '@/api/dbaas/status'
import { describeError } from '@/api/errors'
import { instancesQueryOptions } from '@/api/instances/queries'
import { RequireDbaas } from '@/components/dbaas/require-dbaas'
import { ServiceStatusBadge } from '@/components/status/dbaas-status-badges'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { CheckboxField } from '@/components/ui/checkbox'
import { PageHeader } from '@/components/ui/page-header'
import { useScope } from '@/hooks/use-session'
import { formatBytes, formatDateTime } from '@/lib/format'
import { ConnectionCard } from '../components/connection-card'
import { DeleteServiceDialog } from '../components/delete-service-dialog'
import { ExternalEndpointsSection } from '../components/external-endpoints-section'
import { Fact } from '../components/fact'
import { IntegrationsSection } from '../components/integrations-section'
import { MigrationSection } from '../components/migration-section'
import { instancesByServiceName, troveStatusOf } from '../lib/service-instance'
import { typeLabel } from '../lib/service-labels'

const route = getRouteApi('/_app/services/$serviceName')

export function ServiceOverviewPage() {
  const { serviceName } = route.useParams()
  return (
    <RequireDbaas title={serviceName}>
      <ServiceOverview name={serviceName} />
    </RequireDbaas>
  )
}

function Breadcrumb({ name }: { name: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
      <Link to="/services" className="text-link underline underline-offset-4">
        Services
      </Link>{' '}
      / {name}
    </nav>
  )
}

function ServiceOverview({ name }: { name: string }) {
  const scope = useScope()
  const { data: services } = useSuspenseQuery(servicesQueryOptions(scope))
  // Deleted while shown: the 404 reaches the route's error view ("Service not found").
  const service = findService(services, name)
  return <ServiceDetail service={service} others={services} />
}

function ServiceDetail({ service, others }: { service: Service; others: Service[] }) {
  const scope = useScope()
  const navigate = useNavigate()
  const protection = useSetTerminationProtection(scope)
  const [deleting, setDeleting] = useState(false)
  const protectedOn = service['termination-protection'] === true
  const nodes = service['node-count'] ?? 1
  const instances = useQuery(instancesQueryOptions(scope))
  const instance = useMemo(
    () => instancesByServiceName(instances.data).get(service.name),
    [instances.data, service.name],
  )
  const troveStatus = troveStatusOf(service, instance)
  const state = serviceStateOf(service.state, troveStatus)
  return (
    <div className="mx-auto grid max-w-7xl gap-6">
      <PageHeader
        title={service.name}
        breadcrumbs={<Breadcrumb name={service.name} />}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ServiceStatusBadge state={service.state} troveStatus={troveStatus} />
            <StuckBadgeFor kind="service" id={service.name} />
            {typeLabel(service.type)} · plan {service.plan} · zone {service.zone ?? '—'}
            {state.reason ? <span className="basis-full">{state.reason}</span> : null}
          </span>
        }
        actions={
          <>
            <Link
              to="/metrics"
              search={{ service: service.name, period: 'hour' }}
              className="text-sm text-link underline underline-offset-4"
            >
              Metrics
            </Link>
            <Link
              to="/logs"
              search={{ service: service.name }}
              className="text-sm text-link underline underline-offset-4"
            >
              Logs
            </Link>
            <Button variant="destructive" onClick={() => setDeleting(true)}>
              Delete service
            </Button>
          </>
        }
      />
      {(service.notifications ?? []).map((n, i) => (
        <Alert
          key={i}
          variant={n.level === 'warning' ? 'warning' : 'info'}
          title={
            n.type === 'service_end_of_life'
              ? 'End of life'
              : state.label === 'Failed'
                ? 'The database failed'
                : 'Powered off'
          }
        >
          {n.message}
        </Alert>
      ))}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Overview</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
              <Fact label="Plan" value={service.plan} />
              <Fact label="Nodes" value={String(nodes)} />
              <Fact label="vCPUs per node" value={String(service['node-cpu-count'] ?? '—')} />
              <Fact
                label="Memory per node"
                value={
                  service['node-memory'] !== undefined ? formatBytes(service['node-memory']) : '—'
                }
              />
              <Fact
                label="Disk"
                value={service['disk-size'] !== undefined ? formatBytes(service['disk-size']) : '—'}
              />
              <Fact label="State" value={state.label} />
              <Fact
                label="Instance"
                value={
                  instance ? (
                    <Link
                      to="/instances/$instanceId"
                      params={{ instanceId: instance.id }}
                      className="text-link underline underline-offset-4"
                    >
                      {instance.name} ({instance.status})
                    </Link>
                  ) : instances.isPending ? (
                    '…'
                  ) : (
                    '—'
                  )
                }
              />
              <Fact
                label="Created"
                value={service['created-at'] ? formatDateTime(service['created-at']) : '—'}
              />
              <Fact
                label="Updated"
                value={service['updated-at'] ? formatDateTime(service['updated-at']) : '—'}
              />
            </dl>
            <div className="mt-4">
              <CheckboxField
                label="Termination protection"
                description="While on, the service cannot be deleted."
                checked={protectedOn}
                disabled={protection.isPending}
                onChange={(e) => protection.mutate({ service, on: e.target.checked })}
              />
              {protection.isError ? (
                <p className="mt-1 text-sm text-danger">{describeError(protection.error)}</p>
              ) : null}
            </div>
          </CardContent>
        </Card>
        <ConnectionCard service={service} />
      </div>
      <IntegrationsSection service={service} services={others} />
      <ExternalEndpointsSection service={service} />
      <MigrationSection service={service} />
      <ResourceActivity kind="service" id={service.name} name={service.name} />
      {deleting ? (
        <DeleteServiceDialog
          service={service}
          open
          onOpenChange={setDeleting}
          onDeleted={() => void navigate({ to: '/services' })}
        />
      ) : null}
    </div>
  )
}
