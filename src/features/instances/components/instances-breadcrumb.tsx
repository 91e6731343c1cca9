import { Link } from '@tanstack/react-router'
import { ArrowLeft } from 'lucide-react'

/** "← Instances": the way back to the list from an instance's pages and the launch form. */
export function InstancesBreadcrumb() {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link
        to="/instances"
        className="inline-flex items-center gap-1 text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        Instances
      </Link>
    </nav>
  )
}
