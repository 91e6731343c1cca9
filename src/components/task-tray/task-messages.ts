import type { Backup } from '@/api/backups/schemas'
import type { Instance } from '@/api/instances/schemas'
import type { TrackedTask } from '@/api/tasks/task-store'

/** The toast and tray text for a task that just settled. */
export function settledMessage(
  task: TrackedTask,
  state: 'succeeded' | 'failed',
  instance: Instance | undefined,
): { title: string; detail: string } {
  const name = instance?.name ?? task.resource.name
  if (state === 'succeeded') {
    if (task.action === 'delete' && !instance) {
      return { title: `${name} was deleted`, detail: 'Deleted' }
    }
    const status = instance?.status ?? 'ready'
    return { title: `${name} is ${status}`, detail: `Done: ${name} is ${status}` }
  }
  const reason =
    instance?.fault?.message ??
    (instance
      ? `${name} is ${instance.status}${instance.operating_status ? ` (${instance.operating_status})` : ''}`
      : `${name} is no longer listed`)
  return { title: `${task.label} failed: ${reason}`, detail: reason }
}

/** The toast and tray text for a backup task that just settled. */
export function settledBackupMessage(
  task: TrackedTask,
  state: 'succeeded' | 'failed',
  backup: Backup | undefined,
): { title: string; detail: string } {
  const name = backup?.name ?? task.resource.name
  if (task.action === 'delete-backup') {
    return state === 'succeeded'
      ? { title: `Backup ${name} was deleted`, detail: 'Deleted' }
      : {
          title: `${task.label} failed: backup ${name} is still listed`,
          detail: `Still listed${backup ? ` (${backup.status})` : ''}`,
        }
  }
  if (state === 'succeeded') {
    const status = backup?.status ?? 'COMPLETED'
    return {
      title: `Backup ${name} is ${status} in ${task.resource.region}`,
      detail: `Done: ${name} is ${status}`,
    }
  }
  const reason = backup ? `backup ${name} is ${backup.status}` : `backup ${name} is not listed`
  return { title: `${task.label} failed: ${reason}`, detail: reason }
}

/**
 * The toast and tray text for an admin (`/mgmt`) action that settled: as for tenant actions, but
 * a stop says the database stopped (the instance itself stays ACTIVE).
 */
export function settledMgmtMessage(
  task: TrackedTask,
  state: 'succeeded' | 'failed',
  instance: Instance | undefined,
): { title: string; detail: string } {
  if (state === 'succeeded' && task.action === 'mgmt-stop' && instance) {
    const op = instance.operating_status ? ` (${instance.operating_status})` : ''
    return {
      title: `The database of ${instance.name} is stopped`,
      detail: `Done: ${instance.name} is ${instance.status}${op}`,
    }
  }
  return settledMessage(task, state, instance)
}

/**
 * The toast and tray text for a final backup (safe delete) that just settled: on success the
 * instance is deleted next; on failure it is kept, and the text says why.
 */
export function settledFinalBackupMessage(
  task: TrackedTask,
  state: 'succeeded' | 'failed',
  backup: Backup | undefined,
): { title: string; detail: string } {
  const name = backup?.name ?? task.resource.name
  const instance = task.then?.instance.name ?? 'the instance'
  if (state === 'succeeded') {
    return {
      title: `Final backup ${name} is ${backup?.status ?? 'COMPLETED'}: deleting ${instance}`,
      detail: `Backup ${backup?.status ?? 'COMPLETED'}; ${instance} is being deleted`,
    }
  }
  const why = backup ? `backup ${name} is ${backup.status}` : `backup ${name} is not listed`
  return {
    title: `Final backup failed (${why}): ${instance} was kept, not deleted`,
    detail: `${why[0]?.toUpperCase() ?? ''}${why.slice(1)}: ${instance} was kept, not deleted.`,
  }
}
