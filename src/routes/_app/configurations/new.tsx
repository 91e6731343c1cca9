import { createFileRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { datastoresQueryOptions } from '@/api/datastores/queries'
import { CreateConfigurationPage } from '@/features/configurations/pages/create-configuration-page'

export const Route = createFileRoute('/_app/configurations/new')({
  validateSearch: z.object({ datastore: z.string().optional().catch(undefined) }),
  loader: ({ context: { queryClient, scope } }) => {
    void queryClient.prefetchQuery(datastoresQueryOptions(scope))
  },
  head: () => ({ meta: [{ title: 'Create configuration group · DBaaS Console' }] }),
  component: Page,
})

function Page() {
  const { datastore } = Route.useSearch()
  return <CreateConfigurationPage initialDatastore={datastore} />
}
