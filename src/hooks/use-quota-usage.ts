import { useQuery } from '@tanstack/react-query'
import { backupsQueryOptions } from '@/api/backups/queries'
import { flavorsQueryOptions } from '@/api/flavors/queries'
import type { ScopeParams } from '@/api/instances/keys'
import { instancesQueryOptions } from '@/api/instances/queries'
import { limitsQueryOptions } from '@/api/limits/queries'
import { quotaUsage, type QuotaUsage } from '@/api/limits/quota'
import type { AbsoluteLimits } from '@/api/limits/schemas'

/**
 * A region's quota usage, counted from the instance and backup lists the console already
 * polls (no extra request), and its ABSOLUTE limits. `usage`/`limits` stay undefined until
 * everything is loaded (warnings then say nothing rather than guess).
 */
export function useQuotaUsage(
  scope: ScopeParams,
  enabled = true,
): {
  usage: QuotaUsage | undefined
  limits: AbsoluteLimits | undefined
  isPending: boolean
  error: unknown
  refetch: () => void
} {
  const instances = useQuery({ ...instancesQueryOptions(scope), enabled })
  const backups = useQuery({ ...backupsQueryOptions(scope), enabled })
  const flavors = useQuery({ ...flavorsQueryOptions(scope), enabled })
  const limits = useQuery({ ...limitsQueryOptions(scope), enabled })
  const usage =
    instances.data && backups.data
      ? quotaUsage(instances.data, backups.data, flavors.data)
      : undefined
  return {
    usage,
    limits: limits.data?.absolute,
    isPending: instances.isPending || backups.isPending || limits.isPending,
    error: limits.error ?? instances.error ?? backups.error,
    refetch: () => {
      void instances.refetch()
      void backups.refetch()
      void limits.refetch()
    },
  }
}
