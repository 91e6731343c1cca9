import { createFileRoute } from '@tanstack/react-router'
import { backupsQueryOptions } from '@/api/backups/queries'
import { InstanceBackupsTab } from '@/features/backups/pages/instance-backups-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/backups')({
  loader: ({ context: { queryClient, scope } }) => {
    void queryClient.prefetchQuery(backupsQueryOptions(scope))
  },
  component: InstanceBackupsTab,
})
