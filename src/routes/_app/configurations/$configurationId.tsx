import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import {
  configurationInstancesQueryOptions,
  configurationQueryOptions,
} from '@/api/configurations/queries'
import { parametersQueryOptions } from '@/api/parameters/queries'
import { RouteError } from '@/components/route-error/route-error'
import {
  valuesSearchDefaults,
  valuesSearchSchema,
} from '@/features/configurations/lib/configuration-search'
import { ConfigurationDetailPage } from '@/features/configurations/pages/configuration-detail-page'

export const Route = createFileRoute('/_app/configurations/$configurationId')({
  // The values table's sort, filter and columns; the loader depends on no search key.
  validateSearch: valuesSearchSchema,
  search: { middlewares: [stripSearchParams(valuesSearchDefaults)] },
  loaderDeps: () => ({}),
  loader: async ({ context: { queryClient, scope }, params }) => {
    const group = { ...scope, id: params.configurationId }
    const [read] = await Promise.all([
      queryClient.ensureQueryData(configurationQueryOptions(group)),
      queryClient.ensureQueryData(configurationInstancesQueryOptions(group)),
    ])
    await queryClient.ensureQueryData(
      parametersQueryOptions({ ...scope, versionId: read.datastore_version_id }),
    )
  },
  head: () => ({ meta: [{ title: 'Configuration group · DBaaS Console' }] }),
  errorComponent: (props) => (
    <RouteError
      {...props}
      missing={{
        what: 'Configuration group',
        listTo: '/configurations',
        listLabel: 'All configuration groups',
      }}
    />
  ),
  component: ConfigurationDetailPage,
})
