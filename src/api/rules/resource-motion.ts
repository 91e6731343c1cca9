/**
 * Is a resource moving by itself (a later read will differ)? One rule for the SPA (when to
 * follow a row) and the console server's watcher (which resources to read one by one).
 * Source: Trove 18 `SimpleInstance.status` / `operating_status` and trove/backup/state.py.
 */

/** Public instance statuses that always end by themselves (SHUTDOWN = being deleted). */
export const TRANSITIONAL_STATUSES: ReadonlySet<string> = new Set([
  'BUILD',
  'REBOOT',
  'RESIZE',
  'SHUTDOWN',
  'BACKUP',
  'PROMOTE',
  'EJECT',
  'UPGRADE',
  'DETACH',
])

/** Datastore states that are on their way somewhere while the server itself is ACTIVE. */
export const TRANSITIONAL_OPERATING_STATUSES: ReadonlySet<string> = new Set([
  'BUILD',
  'NEW',
  'PROMOTE',
  'EJECT',
  'LOGGING',
  'UPGRADING',
  'RESTARTING',
])

const READY_STATUSES = new Set(['ACTIVE', 'HEALTHY'])

/**
 * True while the instance is changing by itself and a later read will differ. Besides the
 * transitional statuses: Trove reports `operating_status: ""` whenever a task runs (e.g. UPDATING
 * access) even though `status` falls back to the Nova status ACTIVE, so ACTIVE with an empty
 * operating status is a task in flight. A missing `operating_status` (older clouds) is not.
 */
export function isTransitional(instance: { status: string; operating_status?: string }): boolean {
  if (TRANSITIONAL_STATUSES.has(instance.status)) return true
  if (READY_STATUSES.has(instance.status)) {
    const op = instance.operating_status
    if (op === undefined) return false
    return op === '' || TRANSITIONAL_OPERATING_STATUSES.has(op)
  }
  return false
}

/** Trove's backup RUNNING_STATES. */
export const RUNNING_BACKUP_STATUSES: ReadonlySet<string> = new Set(['NEW', 'BUILDING', 'SAVING'])

export function isBackupTransitional(b: { status: string }): boolean {
  return RUNNING_BACKUP_STATUSES.has(b.status)
}

export const POLL_FAST_WINDOW_MS = 30_000
export const POLL_MAX_MS = 15_000

/**
 * Read interval for something that has been transitional for `elapsedMs`: `base` during the first
 * 30 s, then doubling each time the elapsed time doubles (2×base until 60 s, 4× until 120 s ...),
 * never more than 15 s (nor less than `base`).
 */
export function backoffMs(elapsedMs: number, base = 1000): number {
  const elapsed = Math.max(0, elapsedMs)
  if (elapsed < POLL_FAST_WINDOW_MS) return base
  const steps = Math.floor(Math.log2(elapsed / POLL_FAST_WINDOW_MS)) + 1
  return Math.max(base, Math.min(POLL_MAX_MS, base * 2 ** steps))
}
