import { BACKUP_STATUS_DESCRIPTIONS, backupStatusTone } from '@/api/backups/status'
import { ToneBadge } from './tone-badge'

/** A backup's status: icon + text, never colour alone. */
export function BackupStatusBadge({ status }: { status: string }) {
  return (
    <ToneBadge
      tone={backupStatusTone(status)}
      text={status || 'UNKNOWN'}
      title={BACKUP_STATUS_DESCRIPTIONS[status] ?? `Status reported by the cloud: ${status}`}
      data-testid="backup-status"
    />
  )
}
