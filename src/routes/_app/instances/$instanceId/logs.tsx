import { createFileRoute } from '@tanstack/react-router'
import { guestLogsQueryOptions } from '@/api/logs/queries'
import { LogsTab } from '@/features/instance-extras/pages/logs-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/logs')({
  loader: ({ context: { queryClient, scope }, params }) => {
    void queryClient.prefetchQuery(guestLogsQueryOptions({ ...scope, id: params.instanceId }))
  },
  head: () => ({ meta: [{ title: 'Logs · Instance · DBaaS Console' }] }),
  component: LogsTab,
})
