import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { sessionStore } from '@/api/session/session-store'
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
  loader: async ({ context: { queryClient } }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    void queryClient.prefetchQuery(flavorsQueryOptions(scope))
    // A failure is shown by the page (with Retry), not by the route's error boundary.
    await queryClient.ensureQueryData(instancesQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Instances · DBaaS Console' }] }),
  pendingComponent: InstancesListSkeleton,
  component: InstancesPage,
})
