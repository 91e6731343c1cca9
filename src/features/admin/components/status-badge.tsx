import { Badge, type BadgeVariant } from '@/components/ui/badge'
import { STATUS_DESCRIPTIONS, statusTone, type StatusTone } from '@/api/instances/status'

const VARIANT: Record<StatusTone, BadgeVariant> = {
  ok: 'success',
  busy: 'info',
  error: 'danger',
  warning: 'warning',
  unknown: 'neutral',
}

/** Status and operating status as text (never colour alone), toned like the tenant list. */
export function InstanceStatusBadge({
  status,
  operatingStatus,
}: {
  status: string
  operatingStatus?: string | undefined
}) {
  const text =
    operatingStatus && operatingStatus !== status ? `${status} · ${operatingStatus}` : status
  return (
    <Badge
      variant={VARIANT[statusTone(status, operatingStatus)]}
      title={STATUS_DESCRIPTIONS[status]}
    >
      {text}
    </Badge>
  )
}
