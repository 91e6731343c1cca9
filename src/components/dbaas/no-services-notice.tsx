import type { ReactNode } from 'react'
import type { LucideIcon } from 'lucide-react'
import { EmptyState } from '@/components/ui/empty-state'

/** What a DBaaS page shows while the project has no service in the region. */
export function NoServicesNotice({
  icon,
  description,
  action,
}: {
  icon: LucideIcon
  description: string
  action?: ReactNode
}) {
  return (
    <EmptyState
      icon={icon}
      title="No services in this region"
      description={description}
      action={action}
    />
  )
}
