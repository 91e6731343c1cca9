import type { FeedKind } from '@/api/feed/schemas'
import { useFeedFreshness } from '@/api/polling/change-feed'
import { useNow } from '@/hooks/use-now'
import { useScope } from '@/hooks/use-session'
import { cn } from '@/lib/cn'
import { formatDateTime } from '@/lib/format'
import { freshnessLabel } from '@/lib/freshness-label'

/**
 * How current what the page shows is: "Live" while the scope's change feed keeps `kind` current
 * (with the time of the last change it brought, for a list), else how old the read is ("Read
 * 12 s ago"). The list's Refresh (`ListFreshness`) and an instance's page show it.
 */
export function FreshnessLabel({
  kind,
  readAt,
  reading = false,
  following = false,
  withLastChange = false,
  testId,
  className,
}: {
  kind: FeedKind
  /** The query's `dataUpdatedAt`. */
  readAt: number
  reading?: boolean
  /** A resource in transition (while not live: "Following changes · read 2 s ago"). */
  following?: boolean
  /** A list of the kind: the feed's last change of the kind is one of its rows'. */
  withLastChange?: boolean
  testId?: string
  className?: string
}) {
  const feed = useFeedFreshness(useScope(), kind)
  // The clock matters only for "Read 12 s ago": a live label does not tick.
  const now = useNow(5000, !feed.live)
  const label = freshnessLabel(
    {
      reading,
      live: feed.live,
      changedAt: withLastChange ? feed.changedAt : undefined,
      readAt,
      following,
    },
    now,
  )
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 text-xs whitespace-nowrap text-muted-foreground',
        className,
      )}
      data-testid={testId}
      data-live={label.live}
      title={
        label.live
          ? `Changes appear as they happen. Last read: ${formatDateTime(readAt, { seconds: true })}.`
          : undefined
      }
      aria-live="polite"
    >
      {label.live ? (
        <span aria-hidden="true" className="size-2 rounded-full bg-success-soft-foreground" />
      ) : null}
      {label.text}
    </span>
  )
}
