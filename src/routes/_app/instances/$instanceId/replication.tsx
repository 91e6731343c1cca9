import { createFileRoute } from '@tanstack/react-router'
import { instancesQueryOptions } from '@/api/instances/queries'
import { sessionStore } from '@/api/session/session-store'
import { ReplicationTab } from '@/features/instance-extras/pages/replication-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/replication')({
  loader: ({ context: { queryClient } }) => {
    const session = sessionStore.get()
    if (!session) return
    void queryClient.prefetchQuery(
      instancesQueryOptions({ projectId: session.project.id, region: session.region }),
    )
  },
  head: () => ({ meta: [{ title: 'Replication · Instance · DBaaS Console' }] }),
  component: ReplicationTab,
})
