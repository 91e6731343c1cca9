import { useState } from 'react'
import { RotateCw } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { useNow } from '@/hooks/use-now'
import { cn } from '@/lib/cn'
import { formatReadAgo } from '@/lib/read-ago'

/**
 * A list's Refresh button and when the list was last read in full ("Read 12 s ago"). Pass the
 * list query's `dataUpdatedAt` and its refresh hook (`useRefreshInstances`, `useRefreshBackups`):
 * moving rows are kept current by the poller, Refresh re-reads the whole list now.
 */
export function ListFreshness({
  dataUpdatedAt,
  isFetching,
  onRefresh,
  what,
  idPrefix,
}: {
  dataUpdatedAt: number
  isFetching: boolean
  onRefresh: () => Promise<void>
  /** "instances": the button's accessible name is "Refresh instances". */
  what: string
  idPrefix: string
}) {
  const now = useNow(5000)
  const [clicked, setClicked] = useState(false)
  const busy = clicked || isFetching
  return (
    <div className="flex items-center gap-2">
      <span
        className="text-xs whitespace-nowrap text-muted-foreground"
        data-testid={`${idPrefix}-read-ago`}
        aria-live="polite"
      >
        {busy ? 'Reading…' : formatReadAgo(dataUpdatedAt, now)}
      </span>
      <Button
        variant="outline"
        aria-label={`Refresh ${what}`}
        disabled={clicked}
        onClick={() => {
          setClicked(true)
          void onRefresh().finally(() => setClicked(false))
        }}
      >
        <RotateCw aria-hidden="true" className={cn('size-4', busy && 'animate-spin')} />
        <span className="max-sm:sr-only">Refresh</span>
      </Button>
    </div>
  )
}
