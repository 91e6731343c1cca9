import { Loader2 } from 'lucide-react'
import { cn } from '@/lib/cn'

/**
 * A spinning indicator. With a `label` it is a polite live status ("Loading instances…");
 * without one it is decorative (use it inside a button whose text says what happens).
 */
export function Spinner({ label, className }: { label?: string; className?: string }) {
  if (!label) {
    return <Loader2 aria-hidden="true" className={cn('size-4 animate-spin', className)} />
  }
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-muted-foreground">
      <Loader2 aria-hidden="true" className={cn('size-4 animate-spin', className)} />
      <span>{label}</span>
    </span>
  )
}
