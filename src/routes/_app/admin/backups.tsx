import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import {
  adminBackupsSearchDefaults,
  adminBackupsSearchSchema,
} from '@/features/admin/lib/admin-backup-search'
import {
  AdminBackupsPage,
  AdminBackupsSkeleton,
  adminBackupsOptions,
} from '@/features/admin/pages/admin-backups-page'

export const Route = createFileRoute('/_app/admin/backups')({
  validateSearch: adminBackupsSearchSchema,
  search: { middlewares: [stripSearchParams(adminBackupsSearchDefaults)] },
  loaderDeps: ({ search }) => ({ project: search.project }),
  loader: async ({ context: { queryClient, scope }, deps }) => {
    await queryClient.ensureQueryData(adminBackupsOptions(scope, deps.project))
  },
  head: () => ({ meta: [{ title: 'All backups · Admin · DBaaS Console' }] }),
  pendingComponent: AdminBackupsSkeleton,
  component: AdminBackupsPage,
})
