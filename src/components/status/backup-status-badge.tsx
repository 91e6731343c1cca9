import { BACKUP_STATUS_DESCRIPTIONS, backupStatusTone } from '@/api/backups/status'
import { useBackupDeleting } from '@/api/backups/pending-deletes'
import { ToneBadge } from './tone-badge'

/**
 * A backup's status: icon + text, never colour alone. Given the backup's id, a backup whose
 * delete the cloud accepted shows as deleting until the cloud stops listing it.
 */
export function BackupStatusBadge({ status, id }: { status: string; id?: string }) {
  const deleting = useBackupDeleting(id)
  if (deleting) {
    return (
      <ToneBadge
        tone="busy"
        text="DELETING"
        title="The cloud accepted the delete and removes the backup in a moment."
        data-testid="backup-status"
      />
    )
  }
  return (
    <ToneBadge
      tone={backupStatusTone(status)}
      text={status || 'UNKNOWN'}
      title={BACKUP_STATUS_DESCRIPTIONS[status] ?? `Status reported by the cloud: ${status}`}
      data-testid="backup-status"
    />
  )
}
