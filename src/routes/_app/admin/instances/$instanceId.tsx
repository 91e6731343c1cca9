import { createFileRoute } from '@tanstack/react-router'
import { mgmtInstanceQueryOptions } from '@/api/mgmt/queries'
import { AdminInstancePage } from '@/features/admin/pages/admin-instance-page'

export const Route = createFileRoute('/_app/admin/instances/$instanceId')({
  loader: async ({ context: { queryClient, scope }, params }) => {
    await queryClient
      .ensureQueryData(mgmtInstanceQueryOptions(scope, params.instanceId))
      .catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Instance · Admin · DBaaS Console' }] }),
  component: AdminInstancePage,
})
