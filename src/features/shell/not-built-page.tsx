import type { LucideIcon } from 'lucide-react'
import { Construction } from 'lucide-react'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'

/**
 * An honest placeholder for a section this version of the console does not have yet: what it
 * will do, and no made-up data.
 */
export function NotBuiltPage({
  title,
  purpose,
  icon = Construction,
}: {
  title: string
  /** One line on what the page will do. */
  purpose: string
  icon?: LucideIcon
}) {
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader title={title} />
      <EmptyState
        icon={icon}
        title={`${title} is not built yet in this version of the console`}
        description={purpose}
      />
    </div>
  )
}
