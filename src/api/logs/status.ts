import type { GuestLog, GuestLogAction } from './schemas'

/**
 * Guest log rules, pure: which actions make sense for a log in its state (Trove's guest_log:
 * SYS logs are always on; publish enables a disabled log; discard needs something published).
 */
export function logActionAvailable(log: GuestLog, action: GuestLogAction): boolean {
  const sys = log.type === 'SYS'
  switch (action) {
    case 'enable':
      return !sys && log.status === 'Disabled'
    case 'disable':
      return !sys && log.status !== 'Disabled'
    case 'publish':
      return log.status !== 'Unavailable'
    case 'discard':
      return log.published > 0
  }
}

/** True when there is published text to read. */
export function hasPublished(log: GuestLog): boolean {
  return log.published > 0
}

/** A sentence per status, for the table and screen readers. */
export const LOG_STATUS_DESCRIPTIONS: Record<string, string> = {
  Disabled: 'Not collected. Enable or publish it to start.',
  Enabled: 'Collected; nothing written yet.',
  Unavailable: 'The log does not exist yet (the database service has not started).',
  Ready: 'Collected; nothing published yet.',
  Published: 'Everything collected so far is published.',
  Partial: 'Part is published; newer lines are pending.',
  Rotated: 'The log rotated since it was last published.',
  'Restart Required': 'Enabling this log takes effect after a restart.',
}

/** Human size of a byte count. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`
}
