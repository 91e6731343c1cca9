import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { quotaQueryOptions } from '@/api/mgmt/queries'
import { quotasSearchDefaults, quotasSearchSchema } from '@/features/admin/lib/quota-search'
import { QuotasAdminPage } from '@/features/admin/pages/quotas-page'

export const Route = createFileRoute('/_app/admin/quotas')({
  validateSearch: quotasSearchSchema,
  search: { middlewares: [stripSearchParams(quotasSearchDefaults)] },
  loaderDeps: ({ search }) => ({ project: search.project }),
  loader: async ({ context: { queryClient, scope }, deps }) => {
    // No project named: the admin's own (the scope's).
    await queryClient.ensureQueryData(quotaQueryOptions(scope, deps.project || scope.projectId))
  },
  head: () => ({ meta: [{ title: 'Quotas · Admin · DBaaS Console' }] }),
  component: QuotasAdminPage,
})
