import { createFileRoute } from '@tanstack/react-router'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { launchSearchSchema } from '@/features/instances/lib/launch-search'
import { LaunchInstancePage } from '@/features/instances/pages/launch-instance-page'

export const Route = createFileRoute('/_app/instances/new')({
  validateSearch: launchSearchSchema,
  loader: async ({ context: { queryClient, scope } }) => {
    void queryClient.prefetchQuery(instancesQueryOptions(scope))
    // What the form cannot work without: awaited, so a failure reaches the route's error view.
    await Promise.all([
      queryClient.ensureQueryData(datastoresQueryOptions(scope)),
      queryClient.ensureQueryData(flavorsQueryOptions(scope)),
    ])
  },
  head: () => ({ meta: [{ title: 'Launch instance · DBaaS Console' }] }),
  component: LaunchInstancePage,
})
