import { createFileRoute } from '@tanstack/react-router'
import { instanceQueryOptions } from '@/api/instances/queries'
import { prefetchInstanceParts } from '@/features/users-databases/lib/prefetch'
import { InstanceUsersTab } from '@/features/users-databases/pages/instance-users-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/users')({
  loader: async ({ context: { queryClient, scope }, params }) => {
    const instance = await queryClient
      .ensureQueryData(instanceQueryOptions({ ...scope, id: params.instanceId }))
      .catch(() => undefined)
    await prefetchInstanceParts(
      queryClient,
      { ...scope, instanceId: params.instanceId },
      instance,
      ['users', 'databases', 'root'],
    )
  },
  head: () => ({ meta: [{ title: 'Users · Instance · DBaaS Console' }] }),
  component: InstanceUsersTab,
})
