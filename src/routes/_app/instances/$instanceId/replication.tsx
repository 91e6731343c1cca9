import { createFileRoute } from '@tanstack/react-router'
import { instancesQueryOptions } from '@/api/instances/queries'
import { ReplicationTab } from '@/features/instance-extras/pages/replication-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/replication')({
  loader: ({ context: { queryClient, scope } }) => {
    void queryClient.prefetchQuery(instancesQueryOptions(scope))
  },
  head: () => ({ meta: [{ title: 'Replication · Instance · DBaaS Console' }] }),
  component: ReplicationTab,
})
