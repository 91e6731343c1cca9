import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { Server } from 'lucide-react'
import { hasDbaas, servicesQueryOptions } from '@/api/dbaas/queries'
import { describeError } from '@/api/errors'
import { NoDbaasNotice } from '@/components/dbaas/no-dbaas-notice'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Skeleton } from '@/components/ui/skeleton'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
import { useScope, useSession } from '@/hooks/use-session'
import { formatBytes, formatDateTime } from '@/lib/format'
import { stateBadge, typeLabel } from './lib/service-labels'

/** The project's DBaaS services in the region (one per instance). */
export function ServicesPage() {
  const session = useSession()
  if (!hasDbaas(session)) return <NoDbaasNotice title="Services" />
  return <ServicesList />
}

function ServicesList() {
  const scope = useScope()
  const services = useQuery(servicesQueryOptions(scope))
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Services"
        description="Your database instances as managed services: plan, nodes, state, integrations and migration."
        actions={
          <Link to="/services/plans" className={buttonVariants({ variant: 'outline' })}>
            Compare plans
          </Link>
        }
      />
      {services.isPending ? (
        <Skeleton className="h-64" />
      ) : services.isError ? (
        <Alert
          variant="error"
          title="The services could not be loaded"
          action={
            <Button variant="outline" onClick={() => void services.refetch()}>
              Retry
            </Button>
          }
        >
          {describeError(services.error)}
        </Alert>
      ) : services.data.length === 0 ? (
        <EmptyState
          icon={Server}
          title="No services in this region"
          description="Every instance you launch is a service here."
          action={
            <Link to="/instances/new" className={buttonVariants()}>
              Launch instance
            </Link>
          }
        />
      ) : (
        <Table aria-label="Services">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Type</TableHead>
              <TableHead>Plan</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Nodes</TableHead>
              <TableHead>Disk</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {services.data.map((s) => {
              const badge = stateBadge(s.state)
              return (
                <TableRow key={s.name}>
                  <TableCell>
                    <Link
                      to="/services/$serviceName"
                      params={{ serviceName: s.name }}
                      className="font-medium text-link underline-offset-4 hover:underline"
                    >
                      {s.name}
                    </Link>
                    {s.notifications?.length ? (
                      <span className="ml-2 text-xs text-muted-foreground">
                        {s.notifications.length} notice{s.notifications.length > 1 ? 's' : ''}
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell>{typeLabel(s.type)}</TableCell>
                  <TableCell>{s.plan}</TableCell>
                  <TableCell>
                    <Badge variant={badge.variant}>{badge.label}</Badge>
                  </TableCell>
                  <TableCell>{s['node-count'] ?? '—'}</TableCell>
                  <TableCell>
                    {s['disk-size'] !== undefined ? formatBytes(s['disk-size']) : '—'}
                  </TableCell>
                  <TableCell>{s['created-at'] ? formatDateTime(s['created-at']) : '—'}</TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      )}
    </div>
  )
}
