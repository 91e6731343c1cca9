import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

/** The page's h1, a line under it, and the page's main actions on the right. */
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
    <div className={cn('mb-6 grid gap-2', className)}>
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
