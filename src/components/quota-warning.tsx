import { describeExcess, quotaExcesses, type QuotaUsage } from '@/api/limits/quota'
import type { ScopeParams } from '@/api/instances/keys'
import { Alert } from '@/components/ui/alert'
import { useQuotaUsage } from '@/hooks/use-quota-usage'

/**
 * Warns before a change would exceed the project's quota in the region (the cloud would answer
 * 413 "Quota exceeded"). Says nothing while usage or limits are unknown.
 */
export function QuotaWarning({
  scope,
  deltas,
  what,
}: {
  scope: ScopeParams
  deltas: Partial<QuotaUsage>
  what: string
}) {
  const { usage, limits } = useQuotaUsage(scope)
  const excesses = quotaExcesses(usage, limits, deltas)
  if (excesses.length === 0) return null
  return (
    <Alert variant="warning" title={`This ${what} would exceed your quota`}>
      <ul className="list-disc pl-5">
        {excesses.map((e) => (
          <li key={e.resource}>{describeExcess(e)}</li>
        ))}
      </ul>
      <p className="mt-1">Free some resources or ask an administrator to raise the quota.</p>
    </Alert>
  )
}
