import { createFileRoute } from '@tanstack/react-router'
import { logPagesQueryOptions } from '@/api/dbaas/queries'
import { chooseService, loadServices } from '@/api/dbaas/service-choice'
import { logsSearchSchema } from '@/features/logs/lib/logs-search'
import { LogsPage } from '@/features/logs/logs-page'

export const Route = createFileRoute('/_app/logs')({
  validateSearch: logsSearchSchema,
  // The filter is searched by the server over the whole log; the order only arranges the lines.
  loaderDeps: ({ search }) => ({ service: search.service, q: search.q ?? '' }),
  loader: async ({ context: { queryClient, session, scope }, deps }) => {
    const services = await loadServices({ queryClient, session, scope })
    const name = chooseService(services ?? [], deps.service)
    if (name) await queryClient.ensureInfiniteQueryData(logPagesQueryOptions(scope, name, deps.q))
  },
  head: () => ({ meta: [{ title: 'Logs · DBaaS Console' }] }),
  component: LogsPage,
})
