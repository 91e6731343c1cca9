import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import {
  instancesSearchDefaults,
  instancesSearchSchema,
} from '@/features/instances/lib/list-search'
import { InstancesListSkeleton, InstancesPage } from '@/features/instances/pages/instances-page'

export const Route = createFileRoute('/_app/instances/')({
  validateSearch: instancesSearchSchema,
  search: { middlewares: [stripSearchParams(instancesSearchDefaults)] },
  // Filtering and sorting happen on the fetched list: the loader depends on no search key.
  loaderDeps: () => ({}),
  loader: ({ context: { queryClient, scope } }) => {
    void queryClient.prefetchQuery(flavorsQueryOptions(scope))
    // Not awaited: a long list is read a page at a time and the page shows the first rows while
    // the rest come in. A failure is shown by the page (with Retry), not by the error boundary.
    void queryClient.prefetchQuery(instancesQueryOptions(scope))
  },
  head: () => ({ meta: [{ title: 'Instances · DBaaS Console' }] }),
  pendingComponent: InstancesListSkeleton,
  component: InstancesPage,
})
