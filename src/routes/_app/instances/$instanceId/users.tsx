import { createFileRoute } from '@tanstack/react-router'
import { instanceQueryOptions } from '@/api/instances/queries'
import { sessionStore } from '@/api/session/session-store'
import { prefetchInstanceParts } from '@/features/users-databases/lib/prefetch'
import { InstanceUsersTab } from '@/features/users-databases/pages/instance-users-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/users')({
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
      ['users', 'databases', 'root'],
    )
  },
  head: () => ({ meta: [{ title: 'Users · Instance · DBaaS Console' }] }),
  component: InstanceUsersTab,
})
