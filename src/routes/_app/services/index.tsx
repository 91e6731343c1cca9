import { createFileRoute } from '@tanstack/react-router'
import { hasDbaas, servicesQueryOptions } from '@/api/dbaas/queries'
import { sessionStore } from '@/api/session/session-store'
import { ServicesPage } from '@/features/dbaas-services/services-page'

export const Route = createFileRoute('/_app/services/')({
  loader: async ({ context: { queryClient } }) => {
    const session = sessionStore.get()
    if (!session || !hasDbaas(session)) return
    const scope = { projectId: session.project.id, region: session.region }
    await queryClient.ensureQueryData(servicesQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Services · DBaaS Console' }] }),
  component: ServicesPage,
})
