import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { backupsQueryOptions } from '@/api/backups/queries'
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton'
import {
  instanceBackupsSearchDefaults,
  instanceBackupsSearchSchema,
} from '@/features/backups/lib/backup-search'
import { InstanceBackupsTab } from '@/features/backups/pages/instance-backups-tab'

export const Route = createFileRoute('/_app/instances/$instanceId/backups')({
  validateSearch: instanceBackupsSearchSchema,
  search: { middlewares: [stripSearchParams(instanceBackupsSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope } }) => {
    await queryClient.ensureQueryData(backupsQueryOptions(scope))
  },
  pendingComponent: () => <DataTableSkeleton label="Loading backups" />,
  component: InstanceBackupsTab,
})
