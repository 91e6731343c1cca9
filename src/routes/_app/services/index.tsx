import { createFileRoute } from '@tanstack/react-router'
import { hasDbaas, servicesQueryOptions } from '@/api/dbaas/queries'
import { ServicesPage } from '@/features/dbaas-services/services-page'

export const Route = createFileRoute('/_app/services/')({
  loader: async ({ context: { queryClient, session, scope } }) => {
    if (!hasDbaas(session)) return
    await queryClient.ensureQueryData(servicesQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Services · DBaaS Console' }] }),
  component: ServicesPage,
})
