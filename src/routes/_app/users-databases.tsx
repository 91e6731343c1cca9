import { createFileRoute } from '@tanstack/react-router'
import { instancesQueryOptions } from '@/api/instances/queries'
import { prefetchInstanceParts } from '@/features/users-databases/lib/prefetch'
import { usersDatabasesSearchSchema } from '@/features/users-databases/lib/search'
import { UsersDatabasesPage } from '@/features/users-databases/pages/users-databases-page'

export const Route = createFileRoute('/_app/users-databases')({
  validateSearch: usersDatabasesSearchSchema,
  loaderDeps: ({ search }) => ({ instance: search.instance }),
  loader: async ({ context: { queryClient, scope }, deps }) => {
    // A failure is shown by the page (with Retry), not by the route's error boundary.
    const list = await queryClient.ensureQueryData(instancesQueryOptions(scope)).catch(() => [])
    if (!deps.instance) return
    await prefetchInstanceParts(
      queryClient,
      { ...scope, instanceId: deps.instance },
      list.find((i) => i.id === deps.instance),
      ['databases', 'users', 'root'],
    )
  },
  head: () => ({ meta: [{ title: 'Users & databases · DBaaS Console' }] }),
  component: UsersDatabasesPage,
})
