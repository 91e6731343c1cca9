import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { backupStrategiesQueryOptions, backupsQueryOptions } from '@/api/backups/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { backupsSearchDefaults, backupsSearchSchema } from '@/features/backups/lib/backup-search'
import { BackupsListSkeleton, BackupsPage } from '@/features/backups/pages/backups-page'

export const Route = createFileRoute('/_app/backups/')({
  validateSearch: backupsSearchSchema,
  search: { middlewares: [stripSearchParams(backupsSearchDefaults)] },
  // Filtering, sorting and paging happen on the fetched list: the loader depends on no search key.
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope } }) => {
    void queryClient.prefetchQuery(instancesQueryOptions(scope))
    // The page's own data: awaited, so a failure reaches the route's error view (with Retry).
    await Promise.all([
      queryClient.ensureQueryData(backupsQueryOptions(scope)),
      queryClient.ensureQueryData(backupStrategiesQueryOptions(scope)),
    ])
  },
  head: () => ({ meta: [{ title: 'Backups · DBaaS Console' }] }),
  pendingComponent: BackupsListSkeleton,
  component: BackupsPage,
})
