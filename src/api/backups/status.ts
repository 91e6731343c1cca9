import { backoffMs } from '../instances/status'
import type { StatusTone } from '../instances/status'
import type { Backup } from './schemas'

/**
 * Backup status logic, pure: what is moving, how often to poll, how each status looks, and
 * whether a backup task the user started has finished (trove/backup/state.py).
 */

import { isBackupTransitional } from '../rules/resource-motion'

export { isBackupTransitional } from '../rules/resource-motion'

/** Done and usable for a restore (Trove's is_done_successfuly). */
export function isBackupRestorable(b: Pick<Backup, 'status'>): boolean {
  return b.status === 'COMPLETED' || b.status === 'RESTORED'
}

/**
 * `refetchInterval` for a backup list (or one backup): false when nothing runs, else the backoff
 * of the most recently started run. One request per interval however many backups run.
 */
export function backupsPollMs(
  backups: readonly Backup[] | undefined,
  now: number,
  base: number,
  startedAt: (b: Backup) => number | undefined,
): number | false {
  if (!backups) return false
  let latest: number | undefined
  for (const b of backups) {
    if (!isBackupTransitional(b)) continue
    const t = startedAt(b) ?? now
    if (latest === undefined || t > latest) latest = t
  }
  if (latest === undefined) return false
  return backoffMs(now - latest, base)
}

const TONES: Record<string, StatusTone> = {
  NEW: 'busy',
  BUILDING: 'busy',
  SAVING: 'busy',
  COMPLETED: 'ok',
  RESTORED: 'ok',
  FAILED: 'error',
  DELETE_FAILED: 'error',
}

export function backupStatusTone(status: string): StatusTone {
  return TONES[status] ?? 'unknown'
}

export const BACKUP_STATUS_DESCRIPTIONS: Record<string, string> = {
  NEW: 'The backup was requested and is about to start.',
  BUILDING: 'The backup is running.',
  SAVING: 'The backup is being saved to object storage.',
  COMPLETED: 'The backup completed and can be restored.',
  RESTORED: 'The backup was registered from another location and can be restored.',
  FAILED: 'The backup failed; delete it to remove leftover files.',
  DELETE_FAILED: 'Deleting the backup files failed.',
}

/* -------------------------------------------------------------- task outcome */

export type BackupTaskOutcome = 'running' | 'succeeded' | 'failed'

/** How long a backup may be missing from the list before a create/copy counts as failed. */
export const BACKUP_MISSING_GRACE_MS = 15_000

/**
 * Whether a backup task the user started has finished, from the backup as the list now has it
 * (`undefined` = not listed).
 * - delete-backup: succeeded once the backup is gone; failed if it is still listed after the grace.
 * - create-backup / copy-backup: succeeded on COMPLETED/RESTORED, failed on FAILED or when it
 *   never appears; running while NEW/BUILDING/SAVING.
 */
export function backupTaskOutcome(
  action: string,
  backup: Backup | undefined,
  startedAt: number,
  now: number,
): BackupTaskOutcome {
  const late = now - startedAt >= BACKUP_MISSING_GRACE_MS
  if (action === 'delete-backup') {
    if (!backup) return 'succeeded'
    if (backup.status === 'DELETE_FAILED') return 'failed'
    return late ? 'failed' : 'running'
  }
  if (!backup) return late ? 'failed' : 'running'
  if (isBackupTransitional(backup)) return 'running'
  return isBackupRestorable(backup) ? 'succeeded' : 'failed'
}
