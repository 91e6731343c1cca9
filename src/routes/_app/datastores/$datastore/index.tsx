import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { RouteError } from '@/components/route-error/route-error'
import { findDatastore, notOffered } from '@/features/datastores/lib/datastore-list'
import {
  versionsSearchDefaults,
  versionsSearchSchema,
} from '@/features/datastores/lib/datastore-search'
import { DatastorePage } from '@/features/datastores/pages/datastore-page'

export const Route = createFileRoute('/_app/datastores/$datastore/')({
  validateSearch: versionsSearchSchema,
  search: { middlewares: [stripSearchParams(versionsSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope }, params }) => {
    const list = await queryClient.ensureQueryData(datastoresQueryOptions(scope))
    if (!findDatastore(list, params.datastore)) throw notOffered(`Datastore ${params.datastore}`)
  },
  head: ({ params }) => ({ meta: [{ title: `${params.datastore} · Datastores · DBaaS Console` }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Datastore', listTo: '/datastores', listLabel: 'All datastores' }}
    />
  ),
  component: DatastorePage,
})
