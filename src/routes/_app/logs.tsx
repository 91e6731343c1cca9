import { createFileRoute } from '@tanstack/react-router'
import { logPagesQueryOptions } from '@/api/dbaas/queries'
import { chooseService, loadServices } from '@/api/dbaas/service-choice'
import { logsSearchSchema } from '@/features/logs/lib/logs-search'
import { LogsPage } from '@/features/logs/logs-page'

export const Route = createFileRoute('/_app/logs')({
  validateSearch: logsSearchSchema,
  // The filter text works on the lines already read: only the service decides what to load.
  loaderDeps: ({ search }) => ({ service: search.service }),
  loader: async ({ context: { queryClient, session, scope }, deps }) => {
    const services = await loadServices({ queryClient, session, scope })
    const name = chooseService(services ?? [], deps.service)
    if (name) await queryClient.ensureInfiniteQueryData(logPagesQueryOptions(scope, name))
  },
  head: () => ({ meta: [{ title: 'Logs · DBaaS Console' }] }),
  component: LogsPage,
})
