import { useEffect } from 'react'
import { getRouteApi, useRouter } from '@tanstack/react-router'
import { PageHeader } from '@/components/ui/page-header'
import { InstancesBreadcrumb } from '../components/instances-breadcrumb'
import { useRequiredSession, useScope } from '@/hooks/use-session'
import { LaunchInstanceForm } from '../forms/launch-instance-form'
import { prefillFromSearch } from '../lib/launch-search'

const route = getRouteApi('/_app/instances/new')

export function LaunchInstancePage() {
  const search = route.useSearch()
  const { restoreFrom, like } = search
  const scope = useScope()
  const session = useRequiredSession()
  const router = useRouter()
  useEffect(() => {
    // Where a launch goes next: the detail page's code loads while the form is filled in, so the
    // page follows the POST's answer at once (a build's first seconds are what it shows).
    for (const id of ['/_app/instances/$instanceId', '/_app/instances/$instanceId/'] as const)
      void router.loadRouteChunk(router.routesById[id])?.catch(() => undefined)
  }, [router])
  return (
    <div>
      <PageHeader
        breadcrumbs={<InstancesBreadcrumb />}
        title={
          restoreFrom
            ? 'Restore backup to a new instance'
            : like
              ? `Launch another like ${like}`
              : 'Launch instance'
        }
        description={`A new database instance in ${session.project.name}, ${scope.region}.`}
      />
      <LaunchInstanceForm
        key={`${scope.projectId}/${scope.region}/${restoreFrom ?? ''}/${like ?? ''}`}
        scope={scope}
        restoreFrom={restoreFrom}
        prefill={prefillFromSearch(search)}
      />
    </div>
  )
}
