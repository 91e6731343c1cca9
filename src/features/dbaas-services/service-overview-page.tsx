import { useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { Download, Server } from 'lucide-react'
import { caCertificateQueryOptions, hasDbaas, servicesQueryOptions } from '@/api/dbaas/queries'
import { useDeleteService, useSetTerminationProtection } from '@/api/dbaas/mutations'
import type { Service } from '@/api/dbaas/schemas'
import { describeError } from '@/api/errors'
import { instancesQueryOptions } from '@/api/instances/queries'
import { NoDbaasNotice } from '@/components/dbaas/no-dbaas-notice'
import { Alert } from '@/components/ui/alert'
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { CheckboxField } from '@/components/ui/checkbox'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Skeleton } from '@/components/ui/skeleton'
import { useScope, useSession } from '@/hooks/use-session'
import { formatBytes, formatDateTime } from '@/lib/format'
import { portOf, stateBadge, typeLabel } from './lib/service-labels'
import { IntegrationsSection } from './integrations-section'
import { ExternalEndpointsSection } from './external-endpoints-section'
import { MigrationSection } from './migration-section'

export function ServiceOverviewPage({ name }: { name: string }) {
  const session = useSession()
  if (!hasDbaas(session)) return <NoDbaasNotice title={name} />
  return <ServiceOverview name={name} />
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
  const services = useQuery(servicesQueryOptions(scope))
  const service = services.data?.find((s) => s.name === name)
  if (services.isPending) return <Skeleton className="mx-auto h-96 max-w-7xl" />
  if (services.isError)
    return (
      <div className="mx-auto max-w-7xl">
        <PageHeader title={name} breadcrumbs={<Breadcrumb name={name} />} />
        <Alert
          variant="error"
          title="The service could not be loaded"
          action={
            <Button variant="outline" onClick={() => void services.refetch()}>
              Retry
            </Button>
          }
        >
          {describeError(services.error)}
        </Alert>
      </div>
    )
  if (!service)
    return (
      <div className="mx-auto max-w-7xl">
        <PageHeader title={name} breadcrumbs={<Breadcrumb name={name} />} />
        <EmptyState
          icon={Server}
          title="No such service"
          description={`There is no service named ${name} in this region: it may have been deleted.`}
          action={<Link to="/services">Back to services</Link>}
        />
      </div>
    )
  return <ServiceDetail service={service} others={services.data ?? []} />
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-medium break-words">{value}</dd>
    </div>
  )
}

function ServiceDetail({ service, others }: { service: Service; others: Service[] }) {
  const scope = useScope()
  const badge = stateBadge(service.state)
  const protection = useSetTerminationProtection(scope)
  const protectedOn = service['termination-protection'] === true
  const nodes = service['node-count'] ?? 1
  return (
    <div className="mx-auto grid max-w-7xl gap-6">
      <PageHeader
        title={service.name}
        breadcrumbs={<Breadcrumb name={service.name} />}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge variant={badge.variant}>{badge.label}</Badge>
            {typeLabel(service.type)} · plan {service.plan} · zone {service.zone ?? '—'}
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
            <DeleteServiceButton service={service} />
          </>
        }
      />
      {(service.notifications ?? []).map((n, i) => (
        <Alert
          key={i}
          variant={n.level === 'warning' ? 'warning' : 'info'}
          title={n.type === 'service_end_of_life' ? 'End of life' : 'Powered off'}
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
              <Fact label="State" value={badge.label} />
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
    </div>
  )
}

function ConnectionCard({ service }: { service: Service }) {
  const scope = useScope()
  const instances = useQuery(instancesQueryOptions(scope))
  const client = useQueryClient()
  const [caError, setCaError] = useState<string>()
  // Services are addressed by name; the newest instance with that name is the service.
  const inst = [...(instances.data ?? [])].reverse().find((i) => i.name === service.name)
  const host = inst?.hostname ?? inst?.addresses?.[0]?.address ?? inst?.ip?.[0]
  const port = portOf(service.type)
  const scheme = service.type === 'pg' ? 'postgres' : 'mysql'
  const downloadCa = async () => {
    setCaError(undefined)
    try {
      const pem = await client.fetchQuery(caCertificateQueryOptions(scope))
      const url = URL.createObjectURL(new Blob([pem], { type: 'application/x-pem-file' }))
      const a = document.createElement('a')
      a.href = url
      a.download = 'dbaas-ca.pem'
      a.click()
      URL.revokeObjectURL(url)
    } catch (e) {
      setCaError(describeError(e))
    }
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Connection</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <dl className="grid grid-cols-2 gap-4">
          <Fact
            label="Host"
            value={host ?? (instances.isPending ? 'Loading…' : 'Not assigned yet')}
          />
          <Fact label="Port" value={String(port)} />
        </dl>
        <div className="grid gap-1">
          <span className="text-xs text-muted-foreground">URI (TLS required)</span>
          <code className="rounded bg-muted px-2 py-1 break-all">
            {scheme}://USER:PASSWORD@{host ?? 'HOST'}:{port}/DATABASE?ssl
            {service.type === 'pg' ? 'mode' : '-mode'}=require
          </code>
        </div>
        <div>
          <Button variant="outline" onClick={() => void downloadCa()}>
            <Download aria-hidden="true" /> Download CA certificate
          </Button>
          {caError ? <p className="mt-1 text-danger">{caError}</p> : null}
        </div>
      </CardContent>
    </Card>
  )
}

function DeleteServiceButton({ service }: { service: Service }) {
  const scope = useScope()
  const del = useDeleteService(scope)
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const protectedOn = service['termination-protection'] === true
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <Button variant="destructive" onClick={() => setOpen(true)}>
        Delete service
      </Button>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {service.name}?</AlertDialogTitle>
          <AlertDialogDescription>
            {protectedOn
              ? 'Termination protection is on: the cloud will refuse. Turn it off first.'
              : 'The instance and its data are deleted. This cannot be undone.'}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {del.isError ? <Alert variant="error">{describeError(del.error)}</Alert> : null}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            onClick={(e) => {
              e.preventDefault()
              del.mutate(
                { name: service.name },
                {
                  onSuccess: () => {
                    setOpen(false)
                    void navigate({ to: '/services' })
                  },
                },
              )
            }}
          >
            Delete
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  )
}
