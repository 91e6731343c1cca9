import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { instanceQueryOptions } from '@/api/instances/queries'
import { RouteError } from '@/components/route-error/route-error'
import { loadInstanceParts } from '@/features/users-databases/lib/load-instance-parts'
import {
  databasesTableSearchDefaults,
  instanceDatabasesSearchSchema,
} from '@/features/users-databases/lib/table-search'
import { InstanceDatabasesTab } from '@/features/users-databases/pages/instance-databases-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/databases')({
  validateSearch: instanceDatabasesSearchSchema,
  search: { middlewares: [stripSearchParams(databasesTableSearchDefaults)] },
  loader: async ({ context: { queryClient, scope }, params }) => {
    const instance = await queryClient.ensureQueryData(
      instanceQueryOptions({ ...scope, id: params.instanceId }),
    )
    await loadInstanceParts(queryClient, { ...scope, instanceId: params.instanceId }, instance, [
      'databases',
    ])
  },
  head: () => ({ meta: [{ title: 'Databases · Instance · DBaaS Console' }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Instance', listTo: '/instances', listLabel: 'All instances' }}
    />
  ),
  component: InstanceDatabasesTab,
})
