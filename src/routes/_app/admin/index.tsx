import { createFileRoute } from '@tanstack/react-router'
import { mgmtInstancesQueryOptions, mgmtVersionsQueryOptions } from '@/api/mgmt/queries'
import { AdminOverviewPage } from '@/features/admin/pages/admin-overview-page'

export const Route = createFileRoute('/_app/admin/')({
  loader: async ({ context: { queryClient, scope } }) => {
    // Failures are shown by the page (with Retry), not by the route's error boundary.
    await Promise.all([
      queryClient.ensureQueryData(mgmtInstancesQueryOptions(scope, { deleted: false })),
      queryClient.ensureQueryData(mgmtVersionsQueryOptions(scope)),
    ]).catch(() => undefined)
  },
  component: AdminOverviewPage,
})
