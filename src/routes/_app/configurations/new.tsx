import { createFileRoute } from '@tanstack/react-router'
import * as z from 'zod/mini'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { parametersQueryOptions } from '@/api/parameters/queries'
import { chooseVersion } from '@/features/configurations/lib/choose-version'
import { CreateConfigurationPage } from '@/features/configurations/pages/create-configuration-page'

export const Route = createFileRoute('/_app/configurations/new')({
  validateSearch: z.object({ datastore: z.catch(z.optional(z.string()), undefined) }),
  loaderDeps: ({ search }) => ({ datastore: search.datastore }),
  loader: async ({ context: { queryClient, scope }, deps }) => {
    const list = await queryClient.ensureQueryData(datastoresQueryOptions(scope))
    const { version } = chooseVersion(list, { initialDatastore: deps.datastore })
    if (version) {
      await queryClient.ensureQueryData(parametersQueryOptions({ ...scope, versionId: version.id }))
    }
  },
  head: () => ({ meta: [{ title: 'Create configuration group · DBaaS Console' }] }),
  component: Page,
})

function Page() {
  const { datastore } = Route.useSearch()
  return <CreateConfigurationPage initialDatastore={datastore} />
}
