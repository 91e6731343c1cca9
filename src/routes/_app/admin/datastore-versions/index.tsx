import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { mgmtVersionsQueryOptions } from '@/api/mgmt/queries'
import { versionsSearchDefaults, versionsSearchSchema } from '@/features/admin/lib/version-search'
import {
  DatastoreVersionsPage,
  DatastoreVersionsSkeleton,
} from '@/features/admin/pages/datastore-versions-page'

export const Route = createFileRoute('/_app/admin/datastore-versions/')({
  validateSearch: versionsSearchSchema,
  search: { middlewares: [stripSearchParams(versionsSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope } }) => {
    await queryClient.ensureQueryData(mgmtVersionsQueryOptions(scope))
  },
  head: () => ({ meta: [{ title: 'Datastore versions · Admin · DBaaS Console' }] }),
  pendingComponent: DatastoreVersionsSkeleton,
  component: DatastoreVersionsPage,
})
