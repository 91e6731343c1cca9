import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import {
  adminInstancesSearchDefaults,
  adminInstancesSearchSchema,
} from '@/features/admin/lib/admin-instance-search'
import {
  AdminInstancesPage,
  AdminInstancesSkeleton,
  adminInstancesOptions,
} from '@/features/admin/pages/admin-instances-page'

export const Route = createFileRoute('/_app/admin/instances/')({
  validateSearch: adminInstancesSearchSchema,
  search: { middlewares: [stripSearchParams(adminInstancesSearchDefaults)] },
  loaderDeps: ({ search }) => ({ project: search.project, deleted: search.deleted }),
  loader: async ({ context: { queryClient, scope }, deps }) => {
    await queryClient.ensureInfiniteQueryData(adminInstancesOptions(scope, deps))
  },
  head: () => ({ meta: [{ title: 'All instances · Admin · DBaaS Console' }] }),
  pendingComponent: AdminInstancesSkeleton,
  component: AdminInstancesPage,
})
