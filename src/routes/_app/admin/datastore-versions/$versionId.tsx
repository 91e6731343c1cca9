import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { mgmtParametersQueryOptions, mgmtVersionQueryOptions } from '@/api/mgmt/queries'
import { RouteError } from '@/components/route-error/route-error'
import {
  parametersSearchDefaults,
  parametersSearchSchema,
} from '@/features/admin/lib/version-search'
import { DatastoreVersionPage } from '@/features/admin/pages/datastore-version-page'

export const Route = createFileRoute('/_app/admin/datastore-versions/$versionId')({
  validateSearch: parametersSearchSchema,
  search: { middlewares: [stripSearchParams(parametersSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope }, params }) => {
    await Promise.all([
      queryClient.ensureQueryData(mgmtVersionQueryOptions(scope, params.versionId)),
      queryClient.ensureQueryData(mgmtParametersQueryOptions(scope, params.versionId)),
    ])
  },
  head: () => ({ meta: [{ title: 'Datastore version · Admin · DBaaS Console' }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{
        what: 'Datastore version',
        listTo: '/admin/datastore-versions',
        listLabel: 'Datastore versions',
      }}
    />
  ),
  component: DatastoreVersionPage,
})
