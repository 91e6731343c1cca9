import { createFileRoute } from '@tanstack/react-router'
import { mgmtInstanceQueryOptions, rootHistoryQueryOptions } from '@/api/mgmt/queries'
import { RouteError } from '@/components/route-error/route-error'
import { AdminInstancePage } from '@/features/admin/pages/admin-instance-page'

export const Route = createFileRoute('/_app/admin/instances/$instanceId')({
  loader: async ({ context: { queryClient, scope }, params }) => {
    void queryClient.prefetchQuery(rootHistoryQueryOptions(scope, params.instanceId))
    await queryClient.ensureQueryData(mgmtInstanceQueryOptions(scope, params.instanceId))
  },
  head: () => ({ meta: [{ title: 'Instance · Admin · DBaaS Console' }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Instance', listTo: '/admin/instances', listLabel: 'All instances' }}
    />
  ),
  component: AdminInstancePage,
})
