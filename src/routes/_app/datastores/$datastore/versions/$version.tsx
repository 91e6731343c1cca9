import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { parametersQueryOptions } from '@/api/parameters/queries'
import { RouteError } from '@/components/route-error/route-error'
import { findDatastoreVersion, notOffered } from '@/features/datastores/lib/datastore-list'
import {
  parametersSearchDefaults,
  parametersSearchSchema,
} from '@/features/datastores/lib/datastore-search'
import { DatastoreVersionPage } from '@/features/datastores/pages/datastore-version-page'

export const Route = createFileRoute('/_app/datastores/$datastore/versions/$version')({
  validateSearch: parametersSearchSchema,
  search: { middlewares: [stripSearchParams(parametersSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope }, params }) => {
    const list = await queryClient.ensureQueryData(datastoresQueryOptions(scope))
    const { version } = findDatastoreVersion(list, params.datastore, params.version)
    if (!version) throw notOffered(`Version ${params.version} of ${params.datastore}`)
    await queryClient.ensureQueryData(parametersQueryOptions({ ...scope, versionId: version.id }))
  },
  head: ({ params }) => ({
    meta: [{ title: `${params.datastore} ${params.version} · Datastores · DBaaS Console` }],
  }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{ what: 'Datastore version', listTo: '/datastores', listLabel: 'All datastores' }}
    />
  ),
  component: DatastoreVersionPage,
})
