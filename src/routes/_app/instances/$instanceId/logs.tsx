import { createFileRoute } from '@tanstack/react-router'
import { guestLogsQueryOptions } from '@/api/logs/queries'
import { sessionStore } from '@/api/session/session-store'
import { LogsTab } from '@/features/instance-extras/pages/logs-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/logs')({
  loader: ({ context: { queryClient }, params }) => {
    const session = sessionStore.get()
    if (!session) return
    void queryClient.prefetchQuery(
      guestLogsQueryOptions({
        projectId: session.project.id,
        region: session.region,
        id: params.instanceId,
      }),
    )
  },
  head: () => ({ meta: [{ title: 'Logs · Instance · DBaaS Console' }] }),
  component: LogsTab,
})
