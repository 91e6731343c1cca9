import { Skeleton } from '@/components/ui/skeleton'

/** The table's loading state (a route's pendingComponent, or a page before its first read). */
export function DataTableSkeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label={label}>
      <Skeleton className="h-9 w-full max-w-xl" />
      <Skeleton className="h-4 w-32" />
      <div className="grid gap-2 rounded-lg border p-3">
        {Array.from({ length: rows }, (_, n) => (
          <Skeleton key={n} className="h-9 w-full" />
        ))}
      </div>
    </div>
  )
}
