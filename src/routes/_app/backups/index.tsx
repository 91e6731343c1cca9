import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { backupsQueryOptions } from '@/api/backups/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { backupsSearchDefaults, backupsSearchSchema } from '@/features/backups/lib/backup-list'
import { BackupsListSkeleton, BackupsPage } from '@/features/backups/pages/backups-page'

export const Route = createFileRoute('/_app/backups/')({
  validateSearch: backupsSearchSchema,
  search: { middlewares: [stripSearchParams(backupsSearchDefaults)] },
  // Filtering, sorting and paging happen on the fetched list: the loader depends on no search key.
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope } }) => {
    void queryClient.prefetchQuery(instancesQueryOptions(scope))
    // A failure is shown by the page (with Retry), not by the route's error boundary.
    await queryClient.ensureQueryData(backupsQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Backups · DBaaS Console' }] }),
  pendingComponent: BackupsListSkeleton,
  component: BackupsPage,
})
