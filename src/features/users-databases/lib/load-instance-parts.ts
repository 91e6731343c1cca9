import type { QueryClient } from '@tanstack/react-query'
import type { InstanceScope } from '@/api/databases/keys'
import { databasesQueryOptions } from '@/api/databases/queries'
import { manageability, usersDatabasesThroughApi } from '@/api/databases/status'
import type { Instance } from '@/api/instances/schemas'
import { rootStatusQueryOptions } from '@/api/root/queries'
import { usersQueryOptions } from '@/api/users/queries'

/**
 * Reads an instance's databases/users/root for a route's loader, with the options the panels read
 * with `useSuspenseQuery`, when the cloud would answer them (never a 422 on purpose: a not-ready
 * instance shows the gate instead, and a datastore whose users and databases Trove does not manage
 * through its API, PostgreSQL, shows how to manage them). A failure reaches the route's error
 * component.
 */
export async function loadInstanceParts(
  client: QueryClient,
  scope: InstanceScope,
  instance: Instance | undefined,
  parts: readonly ('databases' | 'users' | 'root')[],
): Promise<void> {
  if (!instance || !manageability(instance).ready) return
  const throughApi = usersDatabasesThroughApi(instance)
  await Promise.all(
    parts
      .filter((p) => p === 'root' || throughApi)
      .map((p) =>
        p === 'databases'
          ? client.ensureQueryData(databasesQueryOptions(scope))
          : p === 'users'
            ? client.ensureQueryData(usersQueryOptions(scope))
            : client.ensureQueryData(rootStatusQueryOptions(scope)),
      ),
  )
}
