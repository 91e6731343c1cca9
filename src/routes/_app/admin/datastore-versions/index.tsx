import { createFileRoute } from '@tanstack/react-router'
import { mgmtVersionsQueryOptions } from '@/api/mgmt/queries'
import { sessionStore } from '@/api/session/session-store'
import { DatastoreVersionsPage } from '@/features/admin/pages/datastore-versions-page'

export const Route = createFileRoute('/_app/admin/datastore-versions/')({
  loader: async ({ context: { queryClient } }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    await queryClient.ensureQueryData(mgmtVersionsQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Datastore versions · Admin · DBaaS Console' }] }),
  component: DatastoreVersionsPage,
})
