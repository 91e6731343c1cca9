import { createFileRoute } from '@tanstack/react-router'
import {
  configurationsQueryOptions,
  instanceDefaultsQueryOptions,
} from '@/api/configurations/queries'
import { InstanceConfigurationTab } from '@/features/configurations/pages/instance-configuration-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/configuration')({
  loader: ({ context: { queryClient, scope }, params }) => {
    void queryClient.prefetchQuery(configurationsQueryOptions(scope))
    void queryClient.prefetchQuery(
      instanceDefaultsQueryOptions({ ...scope, instanceId: params.instanceId }),
    )
  },
  head: () => ({ meta: [{ title: 'Instance configuration · DBaaS Console' }] }),
  component: InstanceConfigurationTab,
})
