import { useQuery } from '@tanstack/react-query'
import { Hourglass } from 'lucide-react'
import { stuckText } from '@/api/journal/format'
import { stuckQueryOptions } from '@/api/journal/queries'
import type { StuckFlag } from '@/api/journal/schemas'
import { Badge } from '@/components/ui/badge'
import { useScope } from '@/hooks/use-session'

/** "BUILD for 42 min (usually 6 min)": a resource in a transitional state longer than usual. */
export function StuckBadge({ flag }: { flag: StuckFlag }) {
  const usual =
    flag.p95Ms === null
      ? `No history for ${flag.status} yet: flagged after the floor.`
      : `95% of ${flag.samples} past ${flag.status} states of ${flag.datastore ?? 'this kind'} ended sooner.`
  return (
    <Badge variant="warning" title={usual} data-testid="stuck-badge">
      <Hourglass aria-hidden />
      {stuckText(flag)}
    </Badge>
  )
}

/**
 * The stuck badge of one resource of the current scope, or nothing. Every badge of a page shares
 * one query (the scope's stuck list).
 */
export function StuckBadgeFor({ kind, id }: { kind: StuckFlag['resourceKind']; id: string }) {
  const scope = useScope()
  const { data } = useQuery(stuckQueryOptions(scope))
  const flag = data?.stuck.find((s) => s.resourceKind === kind && s.resourceId === id)
  return flag ? <StuckBadge flag={flag} /> : null
}
