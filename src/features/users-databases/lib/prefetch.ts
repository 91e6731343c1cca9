import type { QueryClient } from '@tanstack/react-query'
import type { InstanceScope } from '@/api/databases/keys'
import { databasesQueryOptions } from '@/api/databases/queries'
import { manageability } from '@/api/databases/status'
import type { Instance } from '@/api/instances/schemas'
import { rootStatusQueryOptions } from '@/api/root/queries'
import { usersQueryOptions } from '@/api/users/queries'

/**
 * Starts reading an instance's databases/users/root when the cloud would answer them (never a
 * 422 on purpose). Failures are shown by the panels, so nothing here throws.
 */
export async function prefetchInstanceParts(
  client: QueryClient,
  scope: InstanceScope,
  instance: Instance | undefined,
  parts: readonly ('databases' | 'users' | 'root')[],
): Promise<void> {
  if (!instance || !manageability(instance).ready) return
  await Promise.all(
    parts.map((p) =>
      p === 'databases'
        ? client.prefetchQuery(databasesQueryOptions(scope))
        : p === 'users'
          ? client.prefetchQuery(usersQueryOptions(scope))
          : client.prefetchQuery(rootStatusQueryOptions(scope)),
    ),
  )
}
