import { useQueries } from '@tanstack/react-query'
import { configurationInstancesQueryOptions } from '@/api/configurations/queries'
import type { ScopeParams } from '@/api/instances/keys'

/** Groups beyond this many are not counted from the list page (one read per group). */
export const COUNTED_GROUPS = 50

/**
 * How many instances use each group: neither the groups list nor the instances list says, so
 * each group's `/instances` is read (the same cache entry as its detail page). Missing = unknown.
 */
export function useAttachedCounts(
  scope: ScopeParams,
  groups: readonly { id: string }[],
): ReadonlyMap<string, number> {
  const counted = groups.slice(0, COUNTED_GROUPS)
  return useQueries({
    queries: counted.map((g) => configurationInstancesQueryOptions({ ...scope, id: g.id })),
    combine: (results) => {
      const counts = new Map<string, number>()
      results.forEach((r, n) => {
        const id = counted[n]?.id
        if (id !== undefined && r.data) counts.set(id, r.data.length)
      })
      return counts
    },
  })
}
