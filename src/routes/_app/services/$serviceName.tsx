import { createFileRoute } from '@tanstack/react-router'
import {
  externalEndpointsQueryOptions,
  externalIntegrationsQueryOptions,
  hasDbaas,
  migrationQueryOptions,
} from '@/api/dbaas/queries'
import { findService, loadServices } from '@/api/dbaas/service-choice'
import { instancesQueryOptions } from '@/api/instances/queries'
import { RouteError } from '@/components/route-error/route-error'
import { ServiceOverviewPage } from '@/features/dbaas-services/pages/service-overview-page'

export const Route = createFileRoute('/_app/services/$serviceName')({
  loader: async ({ context, params }) => {
    // Side data of the sections (connection host, endpoints, migration): not awaited.
    const { queryClient, scope, session } = context
    void queryClient.prefetchQuery(instancesQueryOptions(scope))
    if (!hasDbaas(session)) return
    void queryClient.prefetchQuery(externalEndpointsQueryOptions(scope))
    void queryClient.prefetchQuery(externalIntegrationsQueryOptions(scope, params.serviceName))
    void queryClient.prefetchQuery(migrationQueryOptions(scope, params.serviceName))
    const services = await loadServices(context)
    // A name that is not there is a 404: the error view says so, with a link to the list.
    if (services) findService(services, params.serviceName)
  },
  head: ({ params }) => ({ meta: [{ title: `${params.serviceName} · Services · DBaaS Console` }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Service', listTo: '/services', listLabel: 'All services' }}
    />
  ),
  component: ServiceOverviewPage,
})
