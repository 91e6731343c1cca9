import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { projectSearchSchema } from '@/features/admin/lib/admin-search'
import { AdminBackupsPage } from '@/features/admin/pages/admin-backups-page'

export const Route = createFileRoute('/_app/admin/backups')({
  validateSearch: projectSearchSchema,
  search: { middlewares: [stripSearchParams({ project: '' })] },
  head: () => ({ meta: [{ title: 'All backups · Admin · DBaaS Console' }] }),
  component: AdminBackupsPage,
})
