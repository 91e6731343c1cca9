import { AlertTriangle, CheckCircle2, CircleHelp, Loader2, XCircle } from 'lucide-react'
import { STATUS_DESCRIPTIONS, statusTone, type StatusTone } from '@/api/instances/status'
import { Badge, type BadgeVariant } from '@/components/ui/badge'

const VARIANT: Record<StatusTone, BadgeVariant> = {
  ok: 'success',
  busy: 'info',
  error: 'danger',
  warning: 'warning',
  unknown: 'neutral',
}
const ICON = {
  ok: CheckCircle2,
  busy: Loader2,
  error: XCircle,
  warning: AlertTriangle,
  unknown: CircleHelp,
}

/** An instance's status as icon + text (never colour alone), toned by the operating status. */
export function StatusPill({ status, operating }: { status: string; operating?: string }) {
  const tone = statusTone(status, operating)
  const Icon = ICON[tone]
  const text = operating && operating !== status ? `${status} · ${operating}` : status
  return (
    <Badge variant={VARIANT[tone]} title={STATUS_DESCRIPTIONS[status] ?? status}>
      <Icon aria-hidden="true" className={tone === 'busy' ? 'animate-spin' : undefined} />
      {text || 'UNKNOWN'}
    </Badge>
  )
}
