import type { Instance } from './schemas'

/**
 * Instance status logic, pure: what is moving, how often to poll, what each status looks like,
 * which actions the server would accept, and whether an action the user started has finished.
 * Source of the rules: Trove 18 `SimpleInstance.status` / `operating_status` and
 * `validate_can_perform_action` (see trove-wire.md §4.2).
 */

import { backoffMs, isTransitional } from '../rules/resource-motion'

export { backoffMs, POLL_MAX_MS, isTransitional } from '../rules/resource-motion'

const READY_STATUSES = new Set(['ACTIVE', 'HEALTHY'])

/* ------------------------------------------------------------------ polling */

/** Trove timestamps are UTC without a zone (`2026-11-23T04:01:01`). */
export function parseTroveTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`
  const t = Date.parse(zoned)
  return Number.isNaN(t) ? undefined : t
}

/** When the current transition started, by default the instance's `updated` (else `created`). */
export function transitionStartedAt(
  instance: Pick<Instance, 'updated' | 'created'>,
): number | undefined {
  return parseTroveTime(instance.updated) ?? parseTroveTime(instance.created)
}

/**
 * `refetchInterval` for a list: false when nothing moves; otherwise the backoff of the most
 * recently started transition (a new build polls fast even while an old one has been stuck for
 * an hour). One list request per interval, however many rows move.
 */
export function listPollMs(
  instances: readonly Instance[] | undefined,
  now: number,
  base = 1000,
  startedAt: (instance: Instance) => number | undefined = transitionStartedAt,
): number | false {
  if (!instances) return false
  let latest: number | undefined
  let moving = false
  for (const i of instances) {
    if (!isTransitional(i)) continue
    moving = true
    const t = startedAt(i) ?? now
    if (latest === undefined || t > latest) latest = t
  }
  if (!moving) return false
  return backoffMs(now - (latest ?? now), base)
}

/** `refetchInterval` for one instance. */
export function instancePollMs(
  instance: Instance | undefined,
  now: number,
  base = 1000,
  startedAt: (instance: Instance) => number | undefined = transitionStartedAt,
): number | false {
  return instance ? listPollMs([instance], now, base, startedAt) : false
}

/* -------------------------------------------------------------------- tones */

export type StatusTone = 'ok' | 'busy' | 'error' | 'warning' | 'unknown'

const STATUS_TONES: Record<string, StatusTone> = {
  ACTIVE: 'ok',
  HEALTHY: 'ok',
  BUILD: 'busy',
  REBOOT: 'busy',
  RESIZE: 'busy',
  SHUTDOWN: 'busy',
  BACKUP: 'busy',
  PROMOTE: 'busy',
  EJECT: 'busy',
  UPGRADE: 'busy',
  DETACH: 'busy',
  LOGGING: 'busy',
  NEW: 'busy',
  BLOCKED: 'warning',
  RESTART_REQUIRED: 'warning',
  FAILED: 'error',
  ERROR: 'error',
  UNKNOWN: 'unknown',
}

const OPERATING_STATUS_TONES: Record<string, StatusTone> = {
  HEALTHY: 'ok',
  ACTIVE: 'ok',
  BLOCKED: 'warning',
  RESTART_REQUIRED: 'warning',
  SHUTDOWN: 'error',
  DELETED: 'error',
  FAILED: 'error',
  ERROR: 'error',
  BUILD: 'busy',
  NEW: 'busy',
  PROMOTE: 'busy',
  EJECT: 'busy',
  LOGGING: 'busy',
  UPGRADING: 'busy',
  RESTARTING: 'busy',
}

/** Tone of the public `status` alone; unknown values are 'unknown'. */
export function instanceStatusTone(status: string): StatusTone {
  return STATUS_TONES[status] ?? 'unknown'
}

/** Tone of `operating_status` alone; `""` (a task runs) is 'busy', unknown values 'unknown'. */
export function operatingStatusTone(operatingStatus: string | undefined): StatusTone {
  if (operatingStatus === undefined) return 'unknown'
  if (operatingStatus === '') return 'busy'
  return OPERATING_STATUS_TONES[operatingStatus] ?? 'unknown'
}

/**
 * One tone for the pair: the status decides unless the server is up (ACTIVE/HEALTHY), in which
 * case the datastore's operating status says how it really is.
 */
export function statusTone(status: string, operatingStatus?: string): StatusTone {
  const tone = instanceStatusTone(status)
  if (!READY_STATUSES.has(status) || operatingStatus === undefined) return tone
  return operatingStatusTone(operatingStatus)
}

/** A sentence per status, for tooltips and screen readers. */
export const STATUS_DESCRIPTIONS: Record<string, string> = {
  BUILD: 'The instance is being built.',
  ACTIVE: 'The server is running.',
  HEALTHY: 'The instance is running and healthy.',
  BLOCKED: 'The database service is blocked.',
  FAILED: 'The instance failed.',
  REBOOT: 'The instance is restarting.',
  RESIZE: 'The instance is being resized.',
  BACKUP: 'A backup of the instance is running.',
  SHUTDOWN: 'The instance is shutting down or being deleted.',
  ERROR: 'The instance is in error.',
  RESTART_REQUIRED: 'A configuration change needs a restart to take effect.',
  PROMOTE: 'The replica is being promoted to replica source.',
  EJECT: 'The replica source is being ejected.',
  UPGRADE: 'The datastore version is being upgraded.',
  DETACH: 'The replica is being detached from its source.',
  UNKNOWN: 'The cloud does not know the state of the server.',
}

export const OPERATING_STATUS_DESCRIPTIONS: Record<string, string> = {
  '': 'No datastore status while a task runs.',
  HEALTHY: 'The database service is healthy.',
  ACTIVE: 'The database service is running.',
  BLOCKED: 'The database service is blocked.',
  SHUTDOWN: 'The database service is shut down, paused or crashed.',
  DELETED: 'The database service was deleted.',
  FAILED: 'The database service failed to start.',
  BUILD: 'The database service is being set up.',
  PROMOTE: 'The replica is being promoted.',
  EJECT: 'The replica source is being ejected.',
  LOGGING: 'Guest logs are being transferred.',
  ERROR: 'The database service is in error or its state is unknown.',
  NEW: 'The database service is new and not yet started.',
  RESTART_REQUIRED: 'The database service needs a restart.',
  UPGRADING: 'The database service is being upgraded.',
  RESTARTING: 'The database service is restarting.',
}

/* ------------------------------------------------------------------ actions */

export const INSTANCE_ACTIONS = [
  'restart',
  'resize-flavor',
  'resize-volume',
  'rename',
  'update-access',
  'reset-status',
  'delete',
  'force-delete',
] as const
export type InstanceActionName = (typeof INSTANCE_ACTIONS)[number]

export interface ActionAvailability {
  allowed: boolean
  reason?: string
}

/** Datastore states `validate_can_perform_action` accepts, as `operating_status` shows them. */
const ACTIONABLE_OPERATING_STATUSES = new Set([
  'ACTIVE',
  'HEALTHY',
  'SHUTDOWN',
  'BLOCKED',
  'RESTART_REQUIRED',
])

function readyForAction(instance: Instance): ActionAvailability {
  const { status } = instance
  const op = instance.operating_status
  if (status === 'RESTART_REQUIRED') return { allowed: true }
  if (!READY_STATUSES.has(status)) {
    return { allowed: false, reason: `Not available while the instance is ${status}.` }
  }
  if (op === '') return { allowed: false, reason: 'Not available while a task is running.' }
  if (op !== undefined && !ACTIONABLE_OPERATING_STATUSES.has(op)) {
    return { allowed: false, reason: `Not available while the database service is ${op}.` }
  }
  return { allowed: true }
}

/**
 * Whether the cloud would accept an action now, and if not why, mirroring the server rules so the
 * button can say why it is disabled instead of failing with a 422.
 */
export function actionAvailability(
  instance: Instance,
  action: InstanceActionName,
  opts: { isAdmin: boolean },
): ActionAvailability {
  if (action === 'reset-status') {
    return opts.isAdmin
      ? { allowed: true }
      : { allowed: false, reason: 'Only an administrator can reset the status.' }
  }
  if (action === 'force-delete') {
    // `openstack database instance force delete`: reset status (admin-only policy), then delete.
    if (!opts.isAdmin) {
      return { allowed: false, reason: 'Only an administrator can force a deletion.' }
    }
    if (instance.replicas && instance.replicas.length > 0) {
      return { allowed: false, reason: 'This instance has replicas: detach or delete them first.' }
    }
    return { allowed: true }
  }
  if (instance.status === 'SHUTDOWN') {
    return { allowed: false, reason: 'The instance is being deleted.' }
  }
  switch (action) {
    case 'rename':
      return { allowed: true }
    case 'delete':
      if (instance.status === 'BUILD') {
        return {
          allowed: false,
          reason: 'An instance cannot be deleted while it builds; wait for it to finish.',
        }
      }
      if (instance.replicas && instance.replicas.length > 0) {
        return {
          allowed: false,
          reason: 'This instance has replicas: detach or delete them first.',
        }
      }
      return { allowed: true }
    case 'resize-volume':
      if (!instance.volume) {
        return { allowed: false, reason: 'This instance has no volume to resize.' }
      }
      return readyForAction(instance)
    case 'restart':
    case 'resize-flavor':
    case 'update-access':
      return readyForAction(instance)
  }
}

/* -------------------------------------------------------------- task outcome */

export type TaskOutcome = 'running' | 'succeeded' | 'failed'

/** How long a missing instance may be "not there yet" (a create whose list has not refreshed). */
export const TASK_MISSING_GRACE_MS = 15_000
/** How long a deletion may read ERROR before it counts as failed. */
export const DELETE_ERROR_GRACE_MS = 60_000

/**
 * Whether an action the user started has finished, from the instance as the cache now has it
 * (`undefined` = no longer listed). Mutations write the transitional status into the cache as soon
 * as the cloud accepts the action, so a settled status seen afterwards is the cloud's answer.
 * - delete: succeeded when the instance is gone; failed when it settles back (or stays in ERROR).
 * - others: failed on ERROR/FAILED or when the instance disappeared; succeeded once it is no
 *   longer transitional.
 */
export function taskOutcome(
  action: string,
  instance: Instance | undefined,
  startedAt: number,
  now: number = Date.now(),
): TaskOutcome {
  if (action === 'delete') {
    if (!instance) return 'succeeded'
    // Deleting an instance whose server is in error reads ERROR until it is gone (Trove §4.2
    // rule 11), so ERROR means failure only once it has lasted.
    if (instance.status === 'ERROR') {
      return now - startedAt < DELETE_ERROR_GRACE_MS ? 'running' : 'failed'
    }
    return isTransitional(instance) ? 'running' : 'failed'
  }
  if (!instance) return now - startedAt < TASK_MISSING_GRACE_MS ? 'running' : 'failed'
  if (instance.status === 'ERROR' || instance.status === 'FAILED') return 'failed'
  return isTransitional(instance) ? 'running' : 'succeeded'
}
