import { createFileRoute } from '@tanstack/react-router'
import { backupQueryOptions, backupsQueryOptions } from '@/api/backups/queries'
import { instancesQueryOptions } from '@/api/instances/queries'
import { RouteError } from '@/components/route-error/route-error'
import { BackupDetailPage } from '@/features/backups/pages/backup-detail-page'

export const Route = createFileRoute('/_app/backups/$backupId')({
  loader: async ({ context: { queryClient, scope }, params }) => {
    // Side data the page reads with useQuery (instance names, the chain): not awaited.
    void queryClient.prefetchQuery(backupsQueryOptions(scope))
    void queryClient.prefetchQuery(instancesQueryOptions(scope))
    // The page's own data: awaited, so an error reaches errorComponent.
    await queryClient.ensureQueryData(backupQueryOptions({ ...scope, id: params.backupId }))
  },
  head: () => ({ meta: [{ title: 'Backup · DBaaS Console' }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Backup', listTo: '/backups', listLabel: 'All backups' }}
    />
  ),
  component: BackupDetailPage,
})
