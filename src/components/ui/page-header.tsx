import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

/**
 * The page's h1, a line under it, and the page's main actions on the right. It is followed by
 * 1.5rem (its margin), or by its page's grid gap when the page is a grid: not both (Activity's
 * grid added its gap to the margin, a gap twice the instances list's above its first line).
 */
export function PageHeader({
  title,
  description,
  actions,
  breadcrumbs,
  className,
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  /** Rendered above the title (e.g. a nav aria-label="Breadcrumb"). */
  breadcrumbs?: ReactNode
  className?: string
}) {
  return (
    <div className={cn('mb-6 grid gap-2 [.grid>&]:mb-0', className)}>
      {breadcrumbs}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid min-w-0 gap-1">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
          {description ? <div className="text-sm text-muted-foreground">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
    </div>
  )
}
