import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { filterSearchDefaults, filterSearchSchema } from '@/features/datastores/datastore-search'
import { DatastoresPage } from '@/features/datastores/datastores-pages'

export const Route = createFileRoute('/_app/datastores/')({
  validateSearch: filterSearchSchema,
  search: { middlewares: [stripSearchParams(filterSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope } }) => {
    await queryClient.ensureQueryData(datastoresQueryOptions(scope)).catch(() => undefined)
  },
  head: () => ({ meta: [{ title: 'Datastores · DBaaS Console' }] }),
  component: DatastoresPage,
})
