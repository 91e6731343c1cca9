import { createFileRoute } from '@tanstack/react-router'
import { mgmtParametersQueryOptions, mgmtVersionQueryOptions } from '@/api/mgmt/queries'
import { DatastoreVersionPage } from '@/features/admin/pages/datastore-version-page'

export const Route = createFileRoute('/_app/admin/datastore-versions/$versionId')({
  loader: async ({ context: { queryClient, scope }, params }) => {
    void queryClient.prefetchQuery(mgmtParametersQueryOptions(scope, params.versionId))
    await queryClient
      .ensureQueryData(mgmtVersionQueryOptions(scope, params.versionId))
      .catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Datastore version · Admin · DBaaS Console' }] }),
  component: DatastoreVersionPage,
})
