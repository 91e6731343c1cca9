import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { sessionStore } from '@/api/session/session-store'
import { filterSearchDefaults, filterSearchSchema } from '@/features/datastores/datastore-search'
import { DatastoresPage } from '@/features/datastores/datastores-pages'

export const Route = createFileRoute('/_app/datastores/')({
  validateSearch: filterSearchSchema,
  search: { middlewares: [stripSearchParams(filterSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient } }) => {
    const session = sessionStore.get()
    if (!session) return
    const scope = { projectId: session.project.id, region: session.region }
    await queryClient.ensureQueryData(datastoresQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Datastores · DBaaS Console' }] }),
  component: DatastoresPage,
})
