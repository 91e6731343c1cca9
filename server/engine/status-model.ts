/**
 * Trove 18's instance status model (trove/instance/tasks.py, service_status.py, models.py):
 * three stored statuses (task, Nova server, datastore service) and the public `status` /
 * `operating_status` computed from them by ordered rules.
 */

export interface TaskInfo {
  action: string
  isError: boolean
}

export const INSTANCE_TASKS = {
  NONE: { action: 'NONE', isError: false },
  DELETING: { action: 'DELETING', isError: false },
  REBOOTING: { action: 'REBOOTING', isError: false },
  RESIZING: { action: 'RESIZING', isError: false },
  BUILDING: { action: 'BUILDING', isError: false },
  MIGRATING: { action: 'MIGRATING', isError: false },
  RESTART_REQUIRED: { action: 'RESTART_REQUIRED', isError: false },
  PROMOTING: { action: 'PROMOTING', isError: false },
  EJECTING: { action: 'EJECTING', isError: false },
  LOGGING: { action: 'LOGGING', isError: false },
  DETACHING: { action: 'DETACHING', isError: false },
  UPDATING: { action: 'UPDATING', isError: false },
  UPGRADING: { action: 'UPGRADING', isError: false },
  BUILDING_ERROR_DNS: { action: 'BUILDING', isError: true },
  BUILDING_ERROR_SERVER: { action: 'BUILDING', isError: true },
  BUILDING_ERROR_VOLUME: { action: 'BUILDING', isError: true },
  BUILDING_ERROR_SEC_GROUP: { action: 'BUILDING', isError: true },
  BUILDING_ERROR_REPLICA: { action: 'BUILDING', isError: true },
  PROMOTION_ERROR: { action: 'PROMOTING', isError: true },
  EJECTION_ERROR: { action: 'EJECTING', isError: true },
  GROWING_ERROR: { action: 'GROWING', isError: true },
  SHRINKING_ERROR: { action: 'SHRINKING', isError: true },
  UPGRADING_ERROR: { action: 'UPGRADING', isError: true },
  BUILDING_ERROR_TIMEOUT_GA: { action: 'ERROR', isError: true },
  BUILDING_ERROR_PORT: { action: 'BUILDING', isError: true },
  UPDATING_ERROR_ACCESS: { action: 'UPDATING', isError: true },
} as const satisfies Record<string, TaskInfo>

/** Datastore service statuses and the api_status each shows as `operating_status`. */
export const SERVICE_STATUSES = {
  RUNNING: { description: 'running', apiStatus: 'ACTIVE' },
  BLOCKED: { description: 'blocked', apiStatus: 'BLOCKED' },
  PAUSED: { description: 'paused', apiStatus: 'SHUTDOWN' },
  SHUTDOWN: { description: 'shutdown', apiStatus: 'SHUTDOWN' },
  DELETED: { description: 'deleted', apiStatus: 'DELETED' },
  CRASHED: { description: 'crashed', apiStatus: 'SHUTDOWN' },
  FAILED: { description: 'failed to spawn', apiStatus: 'FAILED' },
  BUILDING: { description: 'building', apiStatus: 'BUILD' },
  PROMOTING: { description: 'promoting replica', apiStatus: 'PROMOTE' },
  EJECTING: { description: 'ejecting replica source', apiStatus: 'EJECT' },
  LOGGING: { description: 'transferring guest logs', apiStatus: 'LOGGING' },
  UNKNOWN: { description: 'unknown', apiStatus: 'ERROR' },
  NEW: { description: 'new', apiStatus: 'NEW' },
  FAILED_TIMEOUT_GUESTAGENT: { description: 'guestagent error', apiStatus: 'ERROR' },
  INSTANCE_READY: { description: 'instance ready', apiStatus: 'BUILD' },
  RESTART_REQUIRED: { description: 'restart required', apiStatus: 'RESTART_REQUIRED' },
  HEALTHY: { description: 'healthy', apiStatus: 'HEALTHY' },
  UPGRADING: { description: 'upgrading', apiStatus: 'UPGRADING' },
  RESTARTING: { description: 'restarting', apiStatus: 'RESTARTING' },
} as const

/** Service statuses in which an action may start (ServiceStatus.action_is_allowed). */
const ACTION_ALLOWED_SERVICE = new Set<string>([
  'RUNNING',
  'SHUTDOWN',
  'CRASHED',
  'BLOCKED',
  'HEALTHY',
  'RESTART_REQUIRED',
])

export function taskInfo(task: string): TaskInfo {
  return (INSTANCE_TASKS as Record<string, TaskInfo>)[task] ?? { action: task, isError: false }
}

export interface StoredStatuses {
  task_status: string
  server_status: string
  service_status: string
}

/** `SimpleInstance.status`: the first matching rule wins. */
export function publicStatus(s: StoredStatuses, backupRunning = false): string {
  const task = taskInfo(s.task_status)
  const server = s.server_status
  if (task.isError) return 'ERROR'
  switch (task.action) {
    case 'BUILDING':
      return server === 'ERROR' ? 'ERROR' : 'BUILD'
    case 'REBOOTING':
      return 'REBOOT'
    case 'RESIZING':
      return 'RESIZE'
    case 'UPGRADING':
      return 'UPGRADE'
    case 'RESTART_REQUIRED':
      return 'RESTART_REQUIRED'
    case 'PROMOTING':
      return 'PROMOTE'
    case 'EJECTING':
      return 'EJECT'
    case 'DETACHING':
      return 'DETACH'
    case 'DELETING':
      return ['ACTIVE', 'SHUTDOWN', 'DELETED'].includes(server) ? 'SHUTDOWN' : 'ERROR'
  }
  if (backupRunning) return 'BACKUP'
  if (['BUILD', 'ERROR', 'REBOOT', 'RESIZE', 'ACTIVE', 'SHUTDOWN'].includes(server)) return server
  if (server === 'VERIFY_RESIZE') return 'RESIZE'
  return 'UNKNOWN'
}

/** `operating_status`: the datastore's api_status when no task runs and the server is ACTIVE. */
export function operatingStatus(s: StoredStatuses): string {
  if (s.task_status !== 'NONE' || s.server_status !== 'ACTIVE') return ''
  return (
    (SERVICE_STATUSES as Record<string, { apiStatus: string }>)[s.service_status]?.apiStatus ??
    'ERROR'
  )
}

/**
 * `validate_can_perform_action`: null when an action may start, else the reason in Trove's
 * words ("task status was REBOOTING", "instance status was BUILD" ...).
 */
export function actionBlocker(s: StoredStatuses, backupRunning = false): string | null {
  if (!['ACTIVE', 'HEALTHY'].includes(s.server_status)) {
    return `instance status was ${s.server_status}`
  }
  if (s.task_status !== 'NONE' && s.task_status !== 'RESTART_REQUIRED') {
    return `task status was ${taskInfo(s.task_status).action}`
  }
  if (!ACTION_ALLOWED_SERVICE.has(s.service_status)) {
    return `instance status was ${publicStatus(s, backupRunning)}`
  }
  if (backupRunning) return 'instance status was BACKUP'
  return null
}

/** Statuses in which the guest agent is not asked for volume usage (AGENT_INVALID_STATUSES). */
export const AGENT_INVALID_STATUSES = new Set([
  'BUILD',
  'REBOOT',
  'RESIZE',
  'PROMOTE',
  'EJECT',
  'UPGRADE',
])
