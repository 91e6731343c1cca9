import { createFileRoute } from '@tanstack/react-router'
import { mgmtVersionsQueryOptions } from '@/api/mgmt/queries'
import { DatastoreVersionsPage } from '@/features/admin/pages/datastore-versions-page'

export const Route = createFileRoute('/_app/admin/datastore-versions/')({
  loader: async ({ context: { queryClient, scope } }) => {
    await queryClient.ensureQueryData(mgmtVersionsQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Datastore versions · Admin · DBaaS Console' }] }),
  component: DatastoreVersionsPage,
})
