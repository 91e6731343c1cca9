import {
  AlertTriangle,
  CheckCircle2,
  CircleHelp,
  Loader2,
  XCircle,
  type LucideIcon,
} from 'lucide-react'
import { BACKUP_STATUS_DESCRIPTIONS, backupStatusTone } from '@/api/backups/status'
import type { StatusTone } from '@/api/instances/status'
import { Badge, type BadgeVariant } from '@/components/ui/badge'

const VARIANT: Record<StatusTone, BadgeVariant> = {
  ok: 'success',
  busy: 'info',
  error: 'danger',
  warning: 'warning',
  unknown: 'neutral',
}
const ICON: Record<StatusTone, LucideIcon> = {
  ok: CheckCircle2,
  busy: Loader2,
  error: XCircle,
  warning: AlertTriangle,
  unknown: CircleHelp,
}

/** A backup's status: icon + text, never colour alone. */
export function BackupStatusBadge({ status }: { status: string }) {
  const tone = backupStatusTone(status)
  const Icon = ICON[tone]
  return (
    <Badge
      variant={VARIANT[tone]}
      title={BACKUP_STATUS_DESCRIPTIONS[status] ?? `Status reported by the cloud: ${status}`}
      data-tone={tone}
      data-testid="backup-status"
    >
      <Icon aria-hidden="true" className={tone === 'busy' ? 'animate-spin' : undefined} />
      {status || 'UNKNOWN'}
    </Badge>
  )
}
