import { createFileRoute } from '@tanstack/react-router'
import { hasDbaas, serviceTypesQueryOptions } from '@/api/dbaas/queries'
import { sessionStore } from '@/api/session/session-store'
import { PlansPage } from '@/features/dbaas-services/plans-page'

export const Route = createFileRoute('/_app/services/plans')({
  loader: async ({ context: { queryClient } }) => {
    const session = sessionStore.get()
    if (!session || !hasDbaas(session)) return
    const scope = { projectId: session.project.id, region: session.region }
    await queryClient.ensureQueryData(serviceTypesQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Service plans · DBaaS Console' }] }),
  component: PlansPage,
})
