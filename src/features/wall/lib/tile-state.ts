import { isTransitional, statusTone } from '@/api/instances/status'

/**
 * How a tile looks: a health (colour, icon and border shape together, never colour alone) and
 * an activity in words ("Building", "Restarting database", "Error").
 */
export type Health = 'error' | 'warning' | 'busy' | 'unknown' | 'ok'

/** Most urgent first: the order of summary counts and of tiles within a group. */
export const HEALTH_ORDER: readonly Health[] = ['error', 'warning', 'busy', 'unknown', 'ok']

export const HEALTH_LABELS: Record<Health, string> = {
  error: 'Error',
  warning: 'Attention',
  busy: 'Working',
  unknown: 'Unknown',
  ok: 'Healthy',
}

const STATUS_ACTIVITIES: Record<string, string> = {
  BUILD: 'Building',
  REBOOT: 'Restarting',
  RESIZE: 'Resizing',
  SHUTDOWN: 'Deleting',
  BACKUP: 'Backing up',
  PROMOTE: 'Promoting',
  EJECT: 'Ejecting',
  UPGRADE: 'Upgrading',
  DETACH: 'Detaching',
  ERROR: 'Error',
  FAILED: 'Failed',
  BLOCKED: 'Blocked',
  RESTART_REQUIRED: 'Restart required',
  UNKNOWN: 'Unknown',
}

const OPERATING_ACTIVITIES: Record<string, string> = {
  '': 'Task running',
  BUILD: 'Starting database',
  NEW: 'Starting database',
  PROMOTE: 'Promoting',
  EJECT: 'Ejecting',
  LOGGING: 'Publishing logs',
  UPGRADING: 'Upgrading database',
  RESTARTING: 'Restarting database',
  SHUTDOWN: 'Database down',
  DELETED: 'Database deleted',
  FAILED: 'Database failed',
  ERROR: 'Database error',
  BLOCKED: 'Database blocked',
  RESTART_REQUIRED: 'Restart required',
}

export interface TileState {
  health: Health
  /** What the instance is doing or how it is, in words. */
  activity: string
}

/** The tile state of an instance from its public status and its datastore's operating status. */
export function tileState(status: string, operatingStatus?: string): TileState {
  const s = status.toUpperCase()
  const fields = { status: s, operating_status: operatingStatus }
  if (isTransitional(fields)) {
    const op = operatingStatus ?? ''
    const activity =
      s === 'ACTIVE' || s === 'HEALTHY'
        ? (OPERATING_ACTIVITIES[op] ?? 'Working')
        : (STATUS_ACTIVITIES[s] ?? 'Working')
    return { health: 'busy', activity }
  }
  const tone = statusTone(s, operatingStatus)
  if (s === 'ACTIVE' || s === 'HEALTHY') {
    if (tone === 'ok') return { health: 'ok', activity: 'Healthy' }
    const activity = OPERATING_ACTIVITIES[operatingStatus ?? ''] ?? `Database ${operatingStatus}`
    return { health: tone === 'busy' ? 'busy' : tone, activity }
  }
  return { health: tone === 'busy' ? 'busy' : tone, activity: STATUS_ACTIVITIES[s] ?? s }
}

/** A health's position in HEALTH_ORDER (0 = most urgent). */
export function healthRank(h: Health): number {
  return HEALTH_ORDER.indexOf(h)
}
