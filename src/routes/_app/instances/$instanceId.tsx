import { createFileRoute } from '@tanstack/react-router'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { instanceQueryOptions } from '@/api/instances/queries'
import { RouteError } from '@/components/route-error/route-error'
import { InstanceDetailPage } from '@/features/instances/pages/instance-detail-page'

export const Route = createFileRoute('/_app/instances/$instanceId')({
  loader: async ({ context: { queryClient, scope }, params }) => {
    // Side data the tabs read with useQuery (flavor names): not awaited.
    void queryClient.prefetchQuery(flavorsQueryOptions(scope))
    // The page's own data: awaited, so an error (404: missing) reaches errorComponent.
    await queryClient.ensureQueryData(instanceQueryOptions({ ...scope, id: params.instanceId }))
  },
  head: () => ({ meta: [{ title: 'Instance · DBaaS Console' }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Instance', listTo: '/instances', listLabel: 'All instances' }}
    />
  ),
  component: InstanceDetailPage,
})
