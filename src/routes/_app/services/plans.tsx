import { createFileRoute } from '@tanstack/react-router'
import { hasDbaas, serviceTypesQueryOptions } from '@/api/dbaas/queries'
import { PlansPage } from '@/features/dbaas-services/plans-page'

export const Route = createFileRoute('/_app/services/plans')({
  loader: async ({ context: { queryClient, session, scope } }) => {
    if (!hasDbaas(session)) return
    await queryClient.ensureQueryData(serviceTypesQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Service plans · DBaaS Console' }] }),
  component: PlansPage,
})
