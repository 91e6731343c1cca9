import { Link, getRouteApi } from '@tanstack/react-router'
import { ArrowLeft } from 'lucide-react'
import { PageHeader } from '@/components/ui/page-header'
import { useRequiredSession, useScope } from '@/hooks/use-session'
import { LaunchInstanceForm } from '../forms/launch-instance-form'

const route = getRouteApi('/_app/instances/new')

export function LaunchInstancePage() {
  const { restoreFrom } = route.useSearch()
  const scope = useScope()
  const session = useRequiredSession()
  return (
    <div>
      <PageHeader
        breadcrumbs={
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link
              to="/instances"
              className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground"
            >
              <ArrowLeft aria-hidden="true" className="size-4" />
              Instances
            </Link>
          </nav>
        }
        title={restoreFrom ? 'Restore backup to a new instance' : 'Launch instance'}
        description={`A new database instance in ${session.project.name}, ${scope.region}.`}
      />
      <LaunchInstanceForm
        key={`${scope.projectId}/${scope.region}/${restoreFrom ?? ''}`}
        scope={scope}
        restoreFrom={restoreFrom}
      />
    </div>
  )
}
