import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import {
  datastoresSearchDefaults,
  datastoresSearchSchema,
} from '@/features/datastores/lib/datastore-search'
import { DatastoresListSkeleton, DatastoresPage } from '@/features/datastores/pages/datastores-page'

export const Route = createFileRoute('/_app/datastores/')({
  validateSearch: datastoresSearchSchema,
  search: { middlewares: [stripSearchParams(datastoresSearchDefaults)] },
  // Sorting and filtering happen on the fetched list: the loader depends on no search key.
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope } }) => {
    await queryClient.ensureQueryData(datastoresQueryOptions(scope))
  },
  head: () => ({ meta: [{ title: 'Datastores · DBaaS Console' }] }),
  pendingComponent: DatastoresListSkeleton,
  component: DatastoresPage,
})
