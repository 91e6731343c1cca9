import { createFileRoute } from '@tanstack/react-router'
import { mgmtInstancesQueryOptions, mgmtVersionsQueryOptions } from '@/api/mgmt/queries'
import { AdminOverviewPage } from '@/features/admin/pages/admin-overview-page'

export const Route = createFileRoute('/_app/admin/')({
  loader: async ({ context: { queryClient, scope } }) => {
    await Promise.all([
      queryClient.ensureQueryData(mgmtInstancesQueryOptions(scope, { deleted: false })),
      queryClient.ensureQueryData(mgmtVersionsQueryOptions(scope)),
    ])
  },
  component: AdminOverviewPage,
})
