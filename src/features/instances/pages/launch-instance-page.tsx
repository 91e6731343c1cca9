import { getRouteApi } from '@tanstack/react-router'
import { PageHeader } from '@/components/ui/page-header'
import { InstancesBreadcrumb } from '../components/instances-breadcrumb'
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
        breadcrumbs={<InstancesBreadcrumb />}
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
