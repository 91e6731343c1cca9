import { createFileRoute } from '@tanstack/react-router'
import { limitsQueryOptions } from '@/api/limits/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { backupsQueryOptions } from '@/api/backups/queries'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { regionsFor } from '@/api/session/session-store'
import { QuotasPage } from '@/features/quotas/quotas-page'

export const Route = createFileRoute('/_app/quotas')({
  loader: async ({ context: { queryClient, session, scope } }) => {
    // Every region of the project: the page shows them side by side.
    const regions = regionsFor(session.catalog, 'database')
    await Promise.all(
      regions.flatMap((region) => {
        const s = { projectId: scope.projectId, region }
        void queryClient.prefetchQuery(flavorsQueryOptions(s))
        return [
          queryClient.ensureQueryData(limitsQueryOptions(s)),
          queryClient.ensureQueryData(instancesQueryOptions(s)),
          queryClient.ensureQueryData(backupsQueryOptions(s)),
        ]
      }),
    )
    return { regions }
  },
  head: () => ({ meta: [{ title: 'Quotas · DBaaS Console' }] }),
  component: QuotasPage,
})
