import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { LaunchInstancePage } from '@/features/instances/pages/launch-instance-page'

/** `?restoreFrom=<backup id>` opens the form to restore that backup (backups area). */
const launchSearchSchema = z.object({
  restoreFrom: z.string().optional().catch(undefined),
})

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
