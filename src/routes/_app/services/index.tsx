import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { loadServices } from '@/api/dbaas/service-choice'
import {
  servicesSearchDefaults,
  servicesSearchSchema,
} from '@/features/dbaas-services/lib/service-search'
import { ServicesListSkeleton, ServicesPage } from '@/features/dbaas-services/pages/services-page'

export const Route = createFileRoute('/_app/services/')({
  validateSearch: servicesSearchSchema,
  search: { middlewares: [stripSearchParams(servicesSearchDefaults)] },
  // Sorting and filtering happen on the fetched list: the loader depends on no search key.
  loaderDeps: () => ({}),
  loader: async ({ context }) => {
    await loadServices(context)
  },
  head: () => ({ meta: [{ title: 'Services · DBaaS Console' }] }),
  pendingComponent: ServicesListSkeleton,
  component: ServicesPage,
})
