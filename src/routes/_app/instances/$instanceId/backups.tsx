import { createFileRoute } from '@tanstack/react-router'
import { backupsQueryOptions } from '@/api/backups/queries'
import { sessionStore } from '@/api/session/session-store'
import { InstanceBackupsTab } from '@/features/backups/pages/instance-backups-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/backups')({
  loader: ({ context: { queryClient } }) => {
    const session = sessionStore.get()
    if (!session) return
    void queryClient.prefetchQuery(
      backupsQueryOptions({ projectId: session.project.id, region: session.region }),
    )
  },
  component: InstanceBackupsTab,
})
