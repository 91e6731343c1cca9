import { createFileRoute } from '@tanstack/react-router'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { sessionStore } from '@/api/session/session-store'
import { DatastorePage } from '@/features/datastores/datastores-pages'

export const Route = createFileRoute('/_app/datastores/$datastore/')({
  loader: async ({ context: { queryClient } }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    await queryClient.ensureQueryData(datastoresQueryOptions(scope)).catch(() => undefined)
  },
  head: ({ params }) => ({ meta: [{ title: `${params.datastore} · Datastores · DBaaS Console` }] }),
  component: DatastorePage,
})
