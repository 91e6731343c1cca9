import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { configurationsQueryOptions } from '@/api/configurations/queries'
import {
  configurationsSearchDefaults,
  configurationsSearchSchema,
} from '@/features/configurations/lib/configuration-search'
import {
  ConfigurationsListSkeleton,
  ConfigurationsPage,
} from '@/features/configurations/pages/configurations-page'

export const Route = createFileRoute('/_app/configurations/')({
  validateSearch: configurationsSearchSchema,
  search: { middlewares: [stripSearchParams(configurationsSearchDefaults)] },
  // Sorting and filtering happen on the fetched list: the loader depends on no search key.
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope } }) => {
    await queryClient.ensureQueryData(configurationsQueryOptions(scope))
  },
  head: () => ({ meta: [{ title: 'Configuration groups · DBaaS Console' }] }),
  pendingComponent: ConfigurationsListSkeleton,
  component: ConfigurationsPage,
})
