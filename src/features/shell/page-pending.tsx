import { Spinner } from '@/components/ui/spinner'

/** Shown while a route's loader runs for more than a moment. */
export function PagePending() {
  return (
    <div className="flex min-h-40 items-center justify-center p-8">
      <Spinner label="Loading…" />
    </div>
  )
}
