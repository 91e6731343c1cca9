import type { QueryClient } from '@tanstack/react-query'
import type { InstanceScope } from '@/api/databases/keys'
import { databasesQueryOptions } from '@/api/databases/queries'
import { manageability } from '@/api/databases/status'
import type { Instance } from '@/api/instances/schemas'
import { rootStatusQueryOptions } from '@/api/root/queries'
import { usersQueryOptions } from '@/api/users/queries'

/**
 * Reads an instance's databases/users/root for a route's loader, with the options the panels read
 * with `useSuspenseQuery`, when the cloud would answer them (never a 422 on purpose: a not-ready
 * instance shows the gate instead). A failure reaches the route's error component.
 */
export async function loadInstanceParts(
  client: QueryClient,
  scope: InstanceScope,
  instance: Instance | undefined,
  parts: readonly ('databases' | 'users' | 'root')[],
): Promise<void> {
  if (!instance || !manageability(instance).ready) return
  await Promise.all(
    parts.map((p) =>
      p === 'databases'
        ? client.ensureQueryData(databasesQueryOptions(scope))
        : p === 'users'
          ? client.ensureQueryData(usersQueryOptions(scope))
          : client.ensureQueryData(rootStatusQueryOptions(scope)),
    ),
  )
}
