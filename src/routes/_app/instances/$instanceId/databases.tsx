import { createFileRoute } from '@tanstack/react-router'
import { instanceQueryOptions } from '@/api/instances/queries'
import { sessionStore } from '@/api/session/session-store'
import { prefetchInstanceParts } from '@/features/users-databases/lib/prefetch'
import { InstanceDatabasesTab } from '@/features/users-databases/pages/instance-databases-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/databases')({
  loader: async ({ context: { queryClient }, params }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    const instance = await queryClient
      .ensureQueryData(instanceQueryOptions({ ...scope, id: params.instanceId }))
      .catch(() => undefined)
    await prefetchInstanceParts(
      queryClient,
      { ...scope, instanceId: params.instanceId },
      instance,
      ['databases'],
    )
  },
  head: () => ({ meta: [{ title: 'Databases · Instance · DBaaS Console' }] }),
  component: InstanceDatabasesTab,
})
