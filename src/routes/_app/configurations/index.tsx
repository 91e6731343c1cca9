import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { configurationsQueryOptions } from '@/api/configurations/queries'
import {
  configurationsSearchDefaults,
  configurationsSearchSchema,
} from '@/features/configurations/lib/list-search'
import {
  ConfigurationsListSkeleton,
  ConfigurationsPage,
} from '@/features/configurations/pages/configurations-page'

export const Route = createFileRoute('/_app/configurations/')({
  validateSearch: configurationsSearchSchema,
  search: { middlewares: [stripSearchParams(configurationsSearchDefaults)] },
  // The datastore filter applies to the fetched list: the loader depends on no search key.
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope } }) => {
    // A failure is shown by the page (with Retry), not by the route's error boundary.
    await queryClient.ensureQueryData(configurationsQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Configuration groups · DBaaS Console' }] }),
  pendingComponent: ConfigurationsListSkeleton,
  component: ConfigurationsPage,
})
