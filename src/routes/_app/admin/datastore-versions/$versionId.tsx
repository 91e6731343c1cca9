import { createFileRoute } from '@tanstack/react-router'
import { mgmtParametersQueryOptions, mgmtVersionQueryOptions } from '@/api/mgmt/queries'
import { sessionStore } from '@/api/session/session-store'
import { DatastoreVersionPage } from '@/features/admin/pages/datastore-version-page'

export const Route = createFileRoute('/_app/admin/datastore-versions/$versionId')({
  loader: async ({ context: { queryClient }, params }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    void queryClient.prefetchQuery(mgmtParametersQueryOptions(scope, params.versionId))
    await queryClient
      .ensureQueryData(mgmtVersionQueryOptions(scope, params.versionId))
      .catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Datastore version · Admin · DBaaS Console' }] }),
  component: DatastoreVersionPage,
})
