import { createFileRoute } from '@tanstack/react-router'
import { hasDbaas, servicesQueryOptions } from '@/api/dbaas/queries'
import { ServiceOverviewPage } from '@/features/dbaas-services/service-overview-page'

export const Route = createFileRoute('/_app/services/$serviceName')({
  loader: async ({ context: { queryClient, session, scope } }) => {
    if (!hasDbaas(session)) return
    await queryClient.ensureQueryData(servicesQueryOptions(scope)).catch(() => undefined)
  },
  head: ({ params }) => ({ meta: [{ title: `${params.serviceName} · Services · DBaaS Console` }] }),
  component: Page,
})

function Page() {
  const { serviceName } = Route.useParams()
  return <ServiceOverviewPage name={serviceName} />
}
