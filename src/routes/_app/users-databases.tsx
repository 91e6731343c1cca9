import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { instancesQueryOptions } from '@/api/instances/queries'
import { loadInstanceParts } from '@/features/users-databases/lib/load-instance-parts'
import {
  usersDatabasesSearchDefaults,
  usersDatabasesSearchSchema,
} from '@/features/users-databases/lib/search'
import { UsersDatabasesPage } from '@/features/users-databases/pages/users-databases-page'

export const Route = createFileRoute('/_app/users-databases')({
  validateSearch: usersDatabasesSearchSchema,
  search: { middlewares: [stripSearchParams(usersDatabasesSearchDefaults)] },
  loaderDeps: ({ search }) => ({ instance: search.instance }),
  loader: async ({ context: { queryClient, scope }, deps }) => {
    const list = await queryClient.ensureQueryData(instancesQueryOptions(scope))
    if (!deps.instance) return
    await loadInstanceParts(
      queryClient,
      { ...scope, instanceId: deps.instance },
      list.find((i) => i.id === deps.instance),
      ['databases', 'users', 'root'],
    )
  },
  head: () => ({ meta: [{ title: 'Users & databases · DBaaS Console' }] }),
  component: UsersDatabasesPage,
})
