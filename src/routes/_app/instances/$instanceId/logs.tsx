import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { guestLogsQueryOptions } from '@/api/logs/queries'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import { RouteError } from '@/components/route-error/route-error'
import {
  logsSearchDefaults,
  logsSearchSchema,
} from '@/features/instance-extras/lib/guest-log-search'
import { LogsTab } from '@/features/instance-extras/pages/logs-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/logs')({
  validateSearch: logsSearchSchema,
  search: { middlewares: [stripSearchParams(logsSearchDefaults)] },
  loader: async ({ context: { queryClient, scope }, params }) => {
    await queryClient.ensureQueryData(guestLogsQueryOptions({ ...scope, id: params.instanceId }))
  },
  head: () => ({ meta: [{ title: 'Logs · Instance · DBaaS Console' }] }),
  pendingComponent: () => <DataTableSkeleton label="Loading logs" rows={3} />,
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Instance', listTo: '/instances', listLabel: 'All instances' }}
    />
  ),
  component: LogsTab,
})
