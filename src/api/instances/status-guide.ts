import type { Instance } from './schemas'
import { actionAvailability, isTransitional } from './status'

/**
 * What an instance's status means for a person, and what to do next: one sentence per state,
 * the actions that make sense in it (only those the cloud would accept from this user), and
 * whether connecting makes sense at all. Pure; the sentences follow Trove 18's status model
 * (public `status` + datastore `operating_status`, trove-wire.md §4.2).
 */

export type NextStepKind =
  'wait' | 'connect' | 'restart' | 'view-logs' | 'reset-status' | 'delete' | 'force-delete'

export interface NextStep {
  kind: NextStepKind
  /** What the step does, as a button or link label. */
  label: string
}

export interface StatusGuide {
  /** One sentence: what is going on. */
  sentence: string
  /** The fault the cloud recorded (ERROR), as it said it. */
  fault?: string
  /** Next steps, most useful first: only those the cloud would accept now. */
  steps: NextStep[]
  /** Whether connection commands make sense now (the database accepts connections). */
  canConnect: boolean
  /** A sentence for the Connect panel when it cannot (undefined when it can). */
  connectBlocked?: string
}

const MOVING_SENTENCES: Record<string, string> = {
  BUILD:
    'The instance is being built: the server starts, then the database is set up. This takes a few minutes.',
  REBOOT: 'The database service is restarting; connections are refused until it is back.',
  RESIZE: 'The instance is being resized; it restarts on the new size and is briefly unavailable.',
  SHUTDOWN: 'The instance is being deleted.',
  BACKUP: 'A backup is being taken; the database stays available.',
  PROMOTE: 'This replica is being promoted to replica source.',
  EJECT: 'The replica source is being ejected; a replica takes its place.',
  UPGRADE: 'The datastore version is being upgraded; the database restarts on the new version.',
  DETACH: 'This replica is being detached from its source and becomes a standalone instance.',
}

const OPERATING_SENTENCES: Record<string, string> = {
  BUILD: 'The server is up and the database service is being set up.',
  NEW: 'The server is up; the database service has not started yet.',
  RESTARTING: 'The database service is restarting.',
  UPGRADING: 'The database service is being upgraded.',
  LOGGING: 'Guest logs are being transferred.',
  PROMOTE: 'This replica is being promoted.',
  EJECT: 'The replica source is being ejected.',
}

function step(kind: NextStepKind): NextStep {
  const labels: Record<NextStepKind, string> = {
    wait: 'Wait: this page follows the change',
    connect: 'Connect',
    restart: 'Restart',
    'view-logs': 'View logs',
    'reset-status': 'Reset status',
    delete: 'Delete',
    'force-delete': 'Force delete',
  }
  return { kind, label: labels[kind] }
}

/** The allowed subset of `kinds`, in order (an action the cloud would refuse is left out). */
function allowed(instance: Instance, isAdmin: boolean, kinds: NextStepKind[]): NextStep[] {
  return kinds
    .filter((k) => {
      switch (k) {
        case 'restart':
          return actionAvailability(instance, 'restart', { isAdmin }).allowed
        case 'delete':
          return actionAvailability(instance, 'delete', { isAdmin }).allowed
        case 'reset-status':
          return actionAvailability(instance, 'reset-status', { isAdmin }).allowed
        case 'force-delete':
          return actionAvailability(instance, 'force-delete', { isAdmin }).allowed
        default:
          return true
      }
    })
    .map(step)
}

export function statusGuide(instance: Instance, opts: { isAdmin: boolean }): StatusGuide {
  const { status } = instance
  const op = instance.operating_status
  const isAdmin = opts.isAdmin
  const no = (why: string) => ({ canConnect: false, connectBlocked: why })

  if (status === 'ERROR' || status === 'FAILED') {
    return {
      sentence:
        'The instance failed and does not accept connections. The fault below is what the cloud recorded; the logs may say more.',
      ...(instance.fault?.message ? { fault: instance.fault.message } : {}),
      steps: allowed(instance, isAdmin, ['view-logs', 'reset-status', 'delete', 'force-delete']),
      ...no(
        'The instance failed: there is nothing to connect to until it is repaired or replaced.',
      ),
    }
  }
  if (status === 'UNKNOWN') {
    return {
      sentence:
        'The cloud cannot tell the state of the server. It may recover by itself; an administrator can reset its status.',
      steps: allowed(instance, isAdmin, ['view-logs', 'reset-status', 'force-delete']),
      ...no('The state of the server is unknown.'),
    }
  }
  if (status === 'SHUTDOWN') {
    return {
      sentence: MOVING_SENTENCES.SHUTDOWN!,
      steps: allowed(instance, isAdmin, ['wait', 'force-delete']),
      ...no('The instance is being deleted.'),
    }
  }
  if (status === 'BUILD') {
    return {
      sentence: MOVING_SENTENCES.BUILD!,
      steps: allowed(instance, isAdmin, ['wait', 'force-delete']),
      ...no('The database is not ready yet: connection details appear once the build is done.'),
    }
  }
  if (MOVING_SENTENCES[status]) {
    const sentence = MOVING_SENTENCES[status]
    // A backup leaves the database up; the others take it down for a moment.
    if (status === 'BACKUP') return { sentence, steps: [step('connect')], canConnect: true }
    return { sentence, steps: [step('wait')], ...no('Connections are refused until it is back.') }
  }
  if (status === 'RESTART_REQUIRED' || op === 'RESTART_REQUIRED') {
    return {
      sentence:
        'Running, but a configuration change takes effect only after a restart of the database.',
      steps: allowed(instance, isAdmin, ['restart', 'connect']),
      canConnect: true,
    }
  }
  if (status === 'BLOCKED' || op === 'BLOCKED') {
    return {
      sentence:
        'The database service is blocked (for example its volume is full); it refuses writes or connections.',
      steps: allowed(instance, isAdmin, ['view-logs', 'restart', 'delete']),
      ...no('The database service is blocked.'),
    }
  }
  if (op === 'SHUTDOWN' || op === 'FAILED' || op === 'ERROR' || op === 'DELETED') {
    return {
      sentence:
        op === 'FAILED'
          ? 'The server runs but the database service failed to start.'
          : op === 'SHUTDOWN'
            ? 'The server runs but the database service is shut down, paused or crashed.'
            : 'The server runs but the database service is in error or its state is unknown.',
      steps: allowed(instance, isAdmin, ['restart', 'view-logs', 'reset-status', 'delete']),
      ...no('The database service is not running.'),
    }
  }
  if (op !== undefined && isTransitional(instance)) {
    return {
      sentence:
        op === ''
          ? 'A task is running on the instance (for example an access change); other actions wait until it ends.'
          : (OPERATING_SENTENCES[op] ?? 'The database service is changing state.'),
      steps: [step('wait')],
      ...(op === '' || op === 'LOGGING'
        ? { canConnect: true }
        : no('The database service is not ready yet.')),
    }
  }
  if (status === 'ACTIVE' || status === 'HEALTHY') {
    return {
      sentence:
        op === 'HEALTHY' || status === 'HEALTHY'
          ? 'Running and healthy: the database accepts connections.'
          : 'Running: the database accepts connections.',
      steps: [step('connect')],
      canConnect: true,
    }
  }
  return {
    sentence: `The cloud reports a status this console does not know (${status || 'none'}).`,
    steps: allowed(instance, isAdmin, ['view-logs', 'reset-status']),
    ...no('The state of the instance is unclear.'),
  }
}
