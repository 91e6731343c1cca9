import { useState } from 'react'
import { RotateCw } from 'lucide-react'
import type { FeedKind } from '@/api/feed/schemas'
import { useFeedFreshness } from '@/api/polling/change-feed'
import { Button } from '@/components/ui/button'
import { useNow } from '@/hooks/use-now'
import { useScope } from '@/hooks/use-session'
import { cn } from '@/lib/cn'
import { formatDateTime } from '@/lib/format'
import { listFreshnessLabel } from '@/lib/list-freshness-label'

/**
 * A list's Refresh button and how current the list is: "Live" while the change feed keeps it
 * current (with the time of the last change heard), else when it was last read in full ("Read
 * 12 s ago"). Pass the list query's `dataUpdatedAt` and its refresh hook (`useRefreshInstances`,
 * `useRefreshBackups`): Refresh re-reads the whole list now.
 */
export function ListFreshness({
  kind,
  dataUpdatedAt,
  isFetching,
  onRefresh,
  idPrefix,
}: {
  /** Whose rows the list holds; the button's accessible name is "Refresh instances". */
  kind: FeedKind
  dataUpdatedAt: number
  isFetching: boolean
  onRefresh: () => Promise<void>
  idPrefix: string
}) {
  const feed = useFeedFreshness(useScope(), kind)
  const [clicked, setClicked] = useState(false)
  const reading = clicked || isFetching
  // The clock matters only for "Read 12 s ago": a live list's label does not tick.
  const now = useNow(5000, !feed.live)
  const label = listFreshnessLabel(
    { reading, live: feed.live, changedAt: feed.changedAt, readAt: dataUpdatedAt },
    now,
  )
  return (
    <div className="flex items-center gap-2">
      <span
        className="inline-flex items-center gap-1.5 text-xs whitespace-nowrap text-muted-foreground"
        data-testid={`${idPrefix}-read-ago`}
        data-live={label.live}
        title={
          label.live
            ? `Changes appear as they happen. Last full read: ${formatDateTime(dataUpdatedAt, { seconds: true })}.`
            : undefined
        }
        aria-live="polite"
      >
        {label.live ? (
          <span aria-hidden="true" className="size-2 rounded-full bg-success-soft-foreground" />
        ) : null}
        {label.text}
      </span>
      <Button
        variant="outline"
        aria-label={`Refresh ${kind}`}
        disabled={clicked}
        onClick={() => {
          setClicked(true)
          void onRefresh().finally(() => setClicked(false))
        }}
      >
        <RotateCw aria-hidden="true" className={cn('size-4', reading && 'animate-spin')} />
        <span className="max-sm:sr-only">Refresh</span>
      </Button>
    </div>
  )
}
