import type { Backup } from '../backups/schemas'
import type { Instance } from '../instances/schemas'
import type { Consequence } from './consequence'

/**
 * What happens to an instance's backups when it is deleted. Real Trove 18 (checked in
 * trove/instance/models.py `delete`/`delete_async` and taskmanager `_delete_resources`) deletes
 * the server, volume, ports and security group, and no backup: every backup of the instance,
 * taken by hand or by a schedule, stays in object storage, still counts against the backups
 * quota and can restore a new instance. A delete is refused (422) while a backup runs.
 */
export function backupsOnDelete(
  instance: Pick<Instance, 'id' | 'name'>,
  backups: readonly Backup[] | undefined,
): Consequence {
  if (!backups) {
    return { id: 'backups', kind: 'backups', tone: 'info', text: 'Reading the backups…' }
  }
  const own = backups.filter((b) => b.instance_id === instance.id)
  const done = own.filter((b) => b.status === 'COMPLETED')
  const running = own.filter((b) => ['NEW', 'BUILDING', 'SAVING'].includes(b.status))
  if (running.length > 0) {
    return {
      id: 'backups',
      kind: 'backups',
      tone: 'danger',
      text: `A backup of ${instance.name} is running: the cloud refuses the delete until it ends.`,
    }
  }
  if (own.length === 0) {
    return {
      id: 'backups',
      kind: 'backups',
      tone: 'warning',
      text: `${instance.name} has no backup: nothing of its data survives the delete.`,
    }
  }
  const n = own.length
  return {
    id: 'backups',
    kind: 'backups',
    tone: 'info',
    text: `All ${n} backup${n === 1 ? '' : 's'} of ${instance.name} (${done.length} restorable) survive: Trove never deletes backups with their instance; they keep counting against your backup quota.`,
  }
}
