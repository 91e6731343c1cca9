import { createFileRoute } from '@tanstack/react-router'
import { mgmtInstanceQueryOptions } from '@/api/mgmt/queries'
import { sessionStore } from '@/api/session/session-store'
import { AdminInstancePage } from '@/features/admin/pages/admin-instance-page'

export const Route = createFileRoute('/_app/admin/instances/$instanceId')({
  loader: async ({ context: { queryClient }, params }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    await queryClient
      .ensureQueryData(mgmtInstanceQueryOptions(scope, params.instanceId))
      .catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Instance · Admin · DBaaS Console' }] }),
  component: AdminInstancePage,
})
