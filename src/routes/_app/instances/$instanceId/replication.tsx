import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { instanceQueryOptions, instancesQueryOptions } from '@/api/instances/queries'
import { RouteError } from '@/components/route-error/route-error'
import {
  replicationSearchDefaults,
  replicationSearchSchema,
} from '@/features/instance-extras/lib/replica-list'
import { ReplicationTab } from '@/features/instance-extras/pages/replication-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/replication')({
  validateSearch: replicationSearchSchema,
  search: { middlewares: [stripSearchParams(replicationSearchDefaults)] },
  loader: async ({ context: { queryClient, scope }, params }) => {
    // The project's list is where every member's status comes from.
    await Promise.all([
      queryClient.ensureQueryData(instanceQueryOptions({ ...scope, id: params.instanceId })),
      queryClient.ensureQueryData(instancesQueryOptions(scope)),
    ])
  },
  head: () => ({ meta: [{ title: 'Replication · Instance · DBaaS Console' }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Instance', listTo: '/instances', listLabel: 'All instances' }}
    />
  ),
  component: ReplicationTab,
})
