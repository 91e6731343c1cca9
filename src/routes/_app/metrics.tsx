import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { metricsQueryOptions } from '@/api/dbaas/queries'
import { chooseService, loadServices } from '@/api/dbaas/service-choice'
import { metricsSearchDefaults, metricsSearchSchema } from '@/features/metrics/lib/metrics-search'
import { MetricsPage } from '@/features/metrics/metrics-page'

export const Route = createFileRoute('/_app/metrics')({
  validateSearch: metricsSearchSchema,
  search: { middlewares: [stripSearchParams(metricsSearchDefaults)] },
  loaderDeps: ({ search }) => ({ service: search.service, period: search.period }),
  loader: async ({ context: { queryClient, session, scope }, deps }) => {
    const services = await loadServices({ queryClient, session, scope })
    const name = chooseService(services ?? [], deps.service)
    if (name) await queryClient.ensureQueryData(metricsQueryOptions(scope, name, deps.period))
  },
  head: () => ({ meta: [{ title: 'Metrics · DBaaS Console' }] }),
  component: MetricsPage,
})
