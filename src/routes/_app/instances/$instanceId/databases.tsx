import { createFileRoute } from '@tanstack/react-router'
import { instanceQueryOptions } from '@/api/instances/queries'
import { prefetchInstanceParts } from '@/features/users-databases/lib/prefetch'
import { InstanceDatabasesTab } from '@/features/users-databases/pages/instance-databases-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/databases')({
  loader: async ({ context: { queryClient, scope }, params }) => {
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
