import { createFileRoute } from '@tanstack/react-router'
import { limitsQueryOptions } from '@/api/limits/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { backupsQueryOptions } from '@/api/backups/queries'
import { regionsFor, sessionStore } from '@/api/session/session-store'
import { QuotasPage } from '@/features/quotas/quotas-page'

export const Route = createFileRoute('/_app/quotas')({
  loader: ({ context: { queryClient } }) => {
    const session = sessionStore.get()
    if (!session) return
    for (const region of regionsFor(session.catalog, 'database')) {
      const scope = { projectId: session.project.id, region }
      void queryClient.prefetchQuery(limitsQueryOptions(scope))
      void queryClient.prefetchQuery(instancesQueryOptions(scope))
      void queryClient.prefetchQuery(backupsQueryOptions(scope))
    }
  },
  head: () => ({ meta: [{ title: 'Quotas · DBaaS Console' }] }),
  component: QuotasPage,
})
