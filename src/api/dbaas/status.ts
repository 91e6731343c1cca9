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

const SERVICE_STATES: Record<string, { label: string; tone: StatusTone }> = {
  running: { label: 'Running', tone: 'ok' },
  rebuilding: { label: 'Rebuilding', tone: 'busy' },
  rebalancing: { label: 'Rebalancing', tone: 'busy' },
  poweroff: { label: 'Powered off', tone: 'error' },
}

/** A service state's words and tone (text always shown: never colour alone). */
export function serviceStateOf(state: string | undefined): { label: string; tone: StatusTone } {
  return (
    (state ? SERVICE_STATES[state] : undefined) ?? { label: state ?? 'Unknown', tone: 'unknown' }
  )
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
