import { createFileRoute } from '@tanstack/react-router'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { DatastorePage } from '@/features/datastores/datastores-pages'

export const Route = createFileRoute('/_app/datastores/$datastore/')({
  loader: async ({ context: { queryClient, scope } }) => {
    await queryClient.ensureQueryData(datastoresQueryOptions(scope)).catch(() => undefined)
  },
  head: ({ params }) => ({ meta: [{ title: `${params.datastore} · Datastores · DBaaS Console` }] }),
  component: DatastorePage,
})
