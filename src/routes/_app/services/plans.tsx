import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { hasDbaas, serviceTypesQueryOptions } from '@/api/dbaas/queries'
import { plansSearchDefaults, plansSearchSchema } from '@/features/dbaas-services/lib/plan-search'
import { PlansPage } from '@/features/dbaas-services/pages/plans-page'

export const Route = createFileRoute('/_app/services/plans')({
  validateSearch: plansSearchSchema,
  search: { middlewares: [stripSearchParams(plansSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, session, scope } }) => {
    if (!hasDbaas(session)) return
    await queryClient.ensureQueryData(serviceTypesQueryOptions(scope))
  },
  head: () => ({ meta: [{ title: 'Service plans · DBaaS Console' }] }),
  component: PlansPage,
})
