import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { mgmtInstancesQueryOptions } from '@/api/mgmt/queries'
import {
  adminInstancesSearchDefaults,
  adminInstancesSearchSchema,
  deletedFilter,
} from '@/features/admin/lib/admin-search'
import { AdminInstancesPage } from '@/features/admin/pages/admin-instances-page'

export const Route = createFileRoute('/_app/admin/instances/')({
  validateSearch: adminInstancesSearchSchema,
  search: { middlewares: [stripSearchParams(adminInstancesSearchDefaults)] },
  loaderDeps: ({ search }) => ({ project: search.project, deleted: search.deleted }),
  loader: async ({ context: { queryClient, scope }, deps }) => {
    await queryClient
      .ensureQueryData(
        mgmtInstancesQueryOptions(scope, {
          projectId: deps.project || undefined,
          deleted: deletedFilter(deps.deleted),
        }),
      )
      .catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'All instances · Admin · DBaaS Console' }] }),
  component: AdminInstancesPage,
})
