import { createFileRoute } from '@tanstack/react-router'
import {
  configurationsQueryOptions,
  instanceDefaultsQueryOptions,
} from '@/api/configurations/queries'
import { sessionStore } from '@/api/session/session-store'
import { InstanceConfigurationTab } from '@/features/configurations/pages/instance-configuration-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/configuration')({
  loader: ({ context: { queryClient }, params }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    void queryClient.prefetchQuery(configurationsQueryOptions(scope))
    void queryClient.prefetchQuery(
      instanceDefaultsQueryOptions({ ...scope, instanceId: params.instanceId }),
    )
  },
  head: () => ({ meta: [{ title: 'Instance configuration · DBaaS Console' }] }),
  component: InstanceConfigurationTab,
})
