import { Link, type LinkProps } from '@tanstack/react-router'
import { ArrowLeft } from 'lucide-react'

/** The breadcrumb back to the page one level up. */
export function BackLink({ label, ...link }: { label: string } & Pick<LinkProps, 'to' | 'params'>) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link
        {...link}
        className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {label}
      </Link>
    </nav>
  )
}
