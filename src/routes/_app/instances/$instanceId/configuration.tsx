import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import {
  configurationQueryOptions,
  configurationsQueryOptions,
  instanceDefaultsQueryOptions,
} from '@/api/configurations/queries'
import { instanceQueryOptions } from '@/api/instances/queries'
import {
  diffSearchDefaults,
  diffSearchSchema,
} from '@/features/configurations/lib/configuration-search'
import { InstanceConfigurationTab } from '@/features/configurations/pages/instance-configuration-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/configuration')({
  // The group-vs-defaults table's sort, filter and columns; the loader depends on no search key.
  validateSearch: diffSearchSchema,
  search: { middlewares: [stripSearchParams(diffSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope }, params }) => {
    const instance = await queryClient.ensureQueryData(
      instanceQueryOptions({ ...scope, id: params.instanceId }),
    )
    const configurationId = instance.configuration?.id
    await Promise.all([
      queryClient.ensureQueryData(
        instanceDefaultsQueryOptions({ ...scope, instanceId: params.instanceId }),
      ),
      configurationId
        ? queryClient.ensureQueryData(configurationQueryOptions({ ...scope, id: configurationId }))
        : queryClient.ensureQueryData(configurationsQueryOptions(scope)),
    ])
  },
  head: () => ({ meta: [{ title: 'Instance configuration · DBaaS Console' }] }),
  component: InstanceConfigurationTab,
})
