import type { StatusTone } from '../instances/status'
import type { DbaasTask, MigrationStatus, Operation, Service } from './schemas'

/**
 * When to poll DBaaS resources: pure functions of the data (used as refetchInterval).
 * Operations back off as egoscale's Wait does: the base interval for the first 30 s, then
 * growing linearly to 60 s at 15 minutes.
 */
export function operationPollMs(
  op: Operation | undefined,
  startedAt: number,
  now: number,
  baseMs: number,
): number | false {
  if (op && op.state !== 'pending') return false
  const elapsed = Math.max(0, now - startedAt)
  if (elapsed <= 30_000) return baseMs
  const grown = baseMs + ((elapsed - 30_000) / (870_000 - 30_000)) * (60_000 - baseMs)
  return Math.round(Math.min(60_000, grown))
}

export const isServiceTransitional = (s: Pick<Service, 'state'>) => s.state === 'rebuilding'

/** The service list polls while any service is rebuilding. */
export function servicesPollMs(list: Service[] | undefined, baseMs: number): number | false {
  return list?.some(isServiceTransitional) ? baseMs * 2 : false
}

export function taskPollMs(task: DbaasTask | undefined, baseMs: number): number | false {
  return task && task.success !== undefined ? false : baseMs
}

export function migrationPollMs(m: MigrationStatus | undefined, baseMs: number): number | false {
  if (!m) return false
  return m.status === 'running' || m.details?.some((d) => d.status === 'running')
    ? baseMs * 2
    : false
}

/* -------------------------------------------------------------------- tones */

/**
 * The DBaaS document's service states (`enum-service-state`: running | rebuilding | rebalancing |
 * poweroff) in words. `poweroff` is all the document has for "not running": a service whose
 * database failed reports it too, so the words come from why it is off when that is known (the
 * Trove status of the instance it stands for), and a failure is never called "Powered off".
 */
const SERVICE_STATES: Record<string, { label: string; tone: StatusTone }> = {
  running: { label: 'Running', tone: 'ok' },
  rebuilding: { label: 'Rebuilding', tone: 'busy' },
  rebalancing: { label: 'Rebalancing', tone: 'busy' },
  poweroff: { label: 'Powered off', tone: 'warning' },
}

/** Trove statuses that mean the database failed (not that someone stopped it). */
const FAILED_TROVE = /ERROR|FAILED|FAIL/
const STOPPED_TROVE = new Set(['SHUTDOWN', 'SHUTOFF', 'STOPPED'])

export interface ServiceState {
  label: string
  tone: StatusTone
  /** Why, in a sentence, when the state alone would mislead ("The instance failed: …"). */
  reason?: string
}

/**
 * A service state's words and tone (text always shown: never colour alone). `troveStatus` is the
 * status of the instance the service stands for, when known: a `poweroff` service whose instance
 * is in ERROR reads "Failed", one whose instance is SHUTDOWN "Powered off".
 */
export function serviceStateOf(
  state: string | undefined,
  troveStatus?: string | undefined,
): ServiceState {
  const known = (state ? SERVICE_STATES[state] : undefined) ?? {
    label: state ?? 'Unknown',
    tone: 'unknown' as const,
  }
  if (state !== 'poweroff' || !troveStatus) return known
  const status = troveStatus.toUpperCase()
  if (FAILED_TROVE.test(status)) {
    return {
      label: 'Failed',
      tone: 'error',
      reason: `The instance it stands for is ${status}: its database failed, it was not powered off.`,
    }
  }
  if (STOPPED_TROVE.has(status)) {
    return { label: 'Powered off', tone: 'warning', reason: `The instance is ${status}.` }
  }
  return {
    label: 'Not running',
    tone: 'warning',
    reason: `The instance it stands for is ${status}.`,
  }
}

/**
 * The Trove status a service's powered-off notice names (`metadata["trove-status"]` of
 * `service_powered_off_removal`, which the embedded cloud sends), when there is one.
 */
export function noticedTroveStatus(s: {
  notifications?: readonly { type: string; metadata?: Record<string, unknown> | undefined }[]
}): string | undefined {
  for (const n of s.notifications ?? []) {
    const v = n.metadata?.['trove-status']
    if (typeof v === 'string' && v) return v
  }
  return undefined
}

/** An integration is active, or on its way (the cloud's status word, else Pending). */
export function integrationStateOf(i: {
  'is-active'?: boolean | undefined
  status?: string | undefined
}): { label: string; tone: StatusTone } {
  return i['is-active']
    ? { label: 'Active', tone: 'ok' }
    : { label: i.status ?? 'Pending', tone: 'busy' }
}

/** A migration's (or one database's) status word and tone. */
export function migrationStateOf(status: string | undefined): { label: string; tone: StatusTone } {
  switch (status) {
    case 'failed':
      return { label: 'failed', tone: 'error' }
    case 'running':
      return { label: 'running', tone: 'busy' }
    case 'syncing':
      return { label: 'syncing', tone: 'ok' }
    case 'done':
      return { label: 'done', tone: 'ok' }
    default:
      return { label: status ?? 'unknown', tone: 'unknown' }
  }
}
