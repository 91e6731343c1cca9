import { createFileRoute, type ErrorComponentProps } from '@tanstack/react-router'
import { backupQueryOptions, backupsQueryOptions } from '@/api/backups/queries'
import { ApiError } from '@/api/errors'
import { instancesQueryOptions } from '@/api/instances/queries'
import { sessionStore } from '@/api/session/session-store'
import { BackupDetailPage, BackupNotFound } from '@/features/backups/pages/backup-detail-page'
import { RouteError } from '@/features/shell/route-error'

export const Route = createFileRoute('/_app/backups/$backupId')({
  loader: async ({ context: { queryClient }, params }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    void queryClient.prefetchQuery(backupsQueryOptions(scope))
    void queryClient.prefetchQuery(instancesQueryOptions(scope))
    await queryClient.ensureQueryData(backupQueryOptions({ ...scope, id: params.backupId }))
  },
  head: () => ({ meta: [{ title: 'Backup · DBaaS Console' }] }),
  errorComponent: DetailError,
  component: BackupDetailPage,
})

function DetailError(props: ErrorComponentProps) {
  if (props.error instanceof ApiError && props.error.kind === 'not-found') return <BackupNotFound />
  return <RouteError {...props} />
}
