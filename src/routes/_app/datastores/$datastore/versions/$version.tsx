import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { parametersQueryOptions } from '@/api/parameters/queries'
import {
  filterSearchDefaults,
  filterSearchSchema,
  findDatastoreVersion,
} from '@/features/datastores/datastore-search'
import { DatastoreVersionPage } from '@/features/datastores/datastores-pages'

export const Route = createFileRoute('/_app/datastores/$datastore/versions/$version')({
  validateSearch: filterSearchSchema,
  search: { middlewares: [stripSearchParams(filterSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope }, params }) => {
    const list = await queryClient
      .ensureQueryData(datastoresQueryOptions(scope))
      .catch(() => undefined)
    const { version } = findDatastoreVersion(list ?? [], params.datastore, params.version)
    if (version) {
      await queryClient
        .ensureQueryData(parametersQueryOptions({ ...scope, versionId: version.id }))
        .catch(() => undefined)
    }
  },
  head: ({ params }) => ({
    meta: [{ title: `${params.datastore} ${params.version} · Datastores · DBaaS Console` }],
  }),
  component: DatastoreVersionPage,
})
