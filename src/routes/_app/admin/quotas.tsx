import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { projectSearchSchema } from '@/features/admin/lib/admin-search'
import { QuotasAdminPage } from '@/features/admin/pages/quotas-page'

export const Route = createFileRoute('/_app/admin/quotas')({
  validateSearch: projectSearchSchema,
  search: { middlewares: [stripSearchParams({ project: '' })] },
  head: () => ({ meta: [{ title: 'Quotas · Admin · DBaaS Console' }] }),
  component: QuotasAdminPage,
})
