import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { instanceQueryOptions } from '@/api/instances/queries'
import { RouteError } from '@/components/route-error/route-error'
import { loadInstanceParts } from '@/features/users-databases/lib/load-instance-parts'
import {
  instanceUsersSearchSchema,
  usersTableSearchDefaults,
} from '@/features/users-databases/lib/table-search'
import { InstanceUsersTab } from '@/features/users-databases/pages/instance-users-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/users')({
  validateSearch: instanceUsersSearchSchema,
  search: { middlewares: [stripSearchParams(usersTableSearchDefaults)] },
  loader: async ({ context: { queryClient, scope }, params }) => {
    const instance = await queryClient.ensureQueryData(
      instanceQueryOptions({ ...scope, id: params.instanceId }),
    )
    await loadInstanceParts(queryClient, { ...scope, instanceId: params.instanceId }, instance, [
      'users',
      'databases',
      'root',
    ])
  },
  head: () => ({ meta: [{ title: 'Users · Instance · DBaaS Console' }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Instance', listTo: '/instances', listLabel: 'All instances' }}
    />
  ),
  component: InstanceUsersTab,
})
