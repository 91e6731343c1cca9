import { useState } from 'react'
import { RotateCw } from 'lucide-react'
import type { FeedKind } from '@/api/feed/schemas'
import { FreshnessLabel } from '@/components/freshness-label'
import { Button } from '@/components/ui/button'
import { cn } from '@/lib/cn'

/**
 * A list's Refresh button and how current the list is (`FreshnessLabel`: "Live" while the change
 * feed keeps it current, else "Read 12 s ago"). Pass the list query's `dataUpdatedAt` and its
 * refresh hook (`useRefreshInstances`, `useRefreshBackups`): Refresh re-reads the whole list now.
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
  const [clicked, setClicked] = useState(false)
  const reading = clicked || isFetching
  return (
    // Below sm the label takes a line of its own (the buttons stay on the next one, beside the
    // page's other actions): "Live · last change 06:36" beside them pushed Launch instance to a
    // second line at 390 px. `contents` makes the label and Refresh items of the actions' row.
    <div className="flex items-center gap-2 max-sm:contents">
      <FreshnessLabel
        kind={kind}
        readAt={dataUpdatedAt}
        reading={reading}
        withLastChange
        testId={`${idPrefix}-read-ago`}
        className="max-sm:basis-full"
      />
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
