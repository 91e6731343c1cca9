/**
 * When an admin (`/mgmt`) instance action can apply to an instance, read from what both the
 * console and the cloud see of it: the mgmt view's public `status`, `operating_status`,
 * `task_description` and `deleted`. The admin pages disable a button with this message; the
 * embedded cloud refuses the same requests (422, Trove's "not currently available") where
 * `cloudRefuses` is true. Where real Trove accepts the request anyway (stop, reset-task-status),
 * the refusal is the console's advice only and the cloud is not asked to refuse it.
 * Source: Trove 18 `trove/extensions/mgmt/instances/service.py` and `models.py`.
 */

export type MgmtActionName = 'stop' | 'reboot' | 'migrate' | 'reset-task-status' | 'rebuild'

/** What the rule reads of an instance (the mgmt list and detail views both carry it). */
export interface MgmtActionSubject {
  status: string
  operating_status?: string | undefined
  task_description?: string | null | undefined
  deleted?: boolean | undefined
}

export interface MgmtActionRefusal {
  /** A sentence an operator can act on: why the button is disabled. */
  message: string
  /** The cloud refuses the request too (the embedded cloud answers 422). */
  cloudRefuses: boolean
}

/** Trove's InstanceTasks.NONE description: no task runs on the instance. */
export const NO_TASK_DESCRIPTION = 'No tasks for the instance.'

/** Public statuses of a server being built or deleted: Trove's task manager owns it. */
const OWNED_BY_TASK = new Set(['BUILD', 'SHUTDOWN'])
/** Public statuses a cold migration may start from (Trove's validate_can_perform_action). */
const MIGRATABLE = new Set(['ACTIVE', 'HEALTHY', 'RESTART_REQUIRED'])

const refuse = (message: string, cloudRefuses: boolean): MgmtActionRefusal => ({
  message,
  cloudRefuses,
})

function taskRuns(i: MgmtActionSubject): boolean {
  if (i.task_description !== undefined && i.task_description !== null) {
    return i.task_description !== NO_TASK_DESCRIPTION
  }
  // Without a task description: Trove reports an empty operating status while a task runs.
  return i.operating_status === ''
}

/** Why the action cannot apply to the instance now, or null when it can. */
export function mgmtActionRefusal(
  action: MgmtActionName,
  i: MgmtActionSubject,
): MgmtActionRefusal | null {
  if (i.deleted) return refuse('The instance is deleted.', true)
  const owned = OWNED_BY_TASK.has(i.status)
    ? `The instance is ${i.status === 'BUILD' ? 'being built' : 'shutting down'} (status ${i.status}); wait until it settles.`
    : undefined
  switch (action) {
    case 'stop':
      if (owned) return refuse(owned, false)
      if (i.operating_status === 'SHUTDOWN')
        return refuse(
          'The database is already stopped (operating status SHUTDOWN). Reboot starts it again.',
          false,
        )
      return null
    case 'reboot':
    case 'rebuild':
      return owned ? refuse(owned, true) : null
    case 'migrate':
      if (owned) return refuse(owned, true)
      if (!MIGRATABLE.has(i.status) || taskRuns(i))
        return refuse(
          `A migration needs a settled instance with no task running (status ${i.status}${i.task_description && i.task_description !== NO_TASK_DESCRIPTION ? `: ${i.task_description}` : ''}).`,
          true,
        )
      return null
    case 'reset-task-status':
      if (!taskRuns(i)) return refuse('No task is running: the task status is already NONE.', false)
      return null
  }
}
