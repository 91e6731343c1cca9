import { createFileRoute } from '@tanstack/react-router'
import { findService, loadServices } from '@/api/dbaas/service-choice'
import { instancesQueryOptions } from '@/api/instances/queries'
import { RouteError } from '@/components/route-error/route-error'
import { ServiceOverviewPage } from '@/features/dbaas-services/pages/service-overview-page'

export const Route = createFileRoute('/_app/services/$serviceName')({
  loader: async ({ context, params }) => {
    // Side data (the connection card's host): not awaited.
    void context.queryClient.prefetchQuery(instancesQueryOptions(context.scope))
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
