import { describe, expect, it } from 'vitest'
import {
  migrationPollMs,
  noticedTroveStatus,
  operationPollMs,
  serviceStateOf,
  servicesPollMs,
  taskPollMs,
} from './status'

describe('operationPollMs', () => {
  it('polls at the base rate for 30 s, then backs off to 60 s, and stops once settled', () => {
    const op = { id: 'o', state: 'pending' as const }
    expect(operationPollMs(op, 0, 10_000, 1000)).toBe(1000)
    expect(operationPollMs(op, 0, 450_000, 1000)).toBeGreaterThan(20_000)
    expect(operationPollMs(op, 0, 2_000_000, 1000)).toBe(60_000)
    expect(operationPollMs({ id: 'o', state: 'success' }, 0, 10, 1000)).toBe(false)
  })
})

describe('other polls', () => {
  it('follow the data', () => {
    expect(servicesPollMs([{ name: 'a', type: 'pg', plan: 'p', state: 'rebuilding' }], 500)).toBe(
      1000,
    )
    expect(servicesPollMs([{ name: 'a', type: 'pg', plan: 'p', state: 'running' }], 500)).toBe(
      false,
    )
    expect(taskPollMs({ id: 't' }, 500)).toBe(500)
    expect(taskPollMs({ id: 't', success: true }, 500)).toBe(false)
    expect(migrationPollMs({ status: 'running' }, 500)).toBe(1000)
    expect(migrationPollMs({ status: 'done' }, 500)).toBe(false)
  })
})

describe('serviceStateOf', () => {
  it('words the DBaaS document states', () => {
    expect(serviceStateOf('running')).toEqual({ label: 'Running', tone: 'ok' })
    expect(serviceStateOf('rebuilding').tone).toBe('busy')
    expect(serviceStateOf('poweroff')).toEqual({ label: 'Powered off', tone: 'warning' })
    expect(serviceStateOf(undefined).label).toBe('Unknown')
  })
  it('never calls a failed database powered off', () => {
    const failed = serviceStateOf('poweroff', 'ERROR')
    expect(failed.label).toBe('Failed')
    expect(failed.tone).toBe('error')
    expect(failed.reason).toMatch(/ERROR/)
    expect(serviceStateOf('poweroff', 'FAILED_TIMEOUT_GUESTAGENT').label).toBe('Failed')
    expect(serviceStateOf('poweroff', 'SHUTDOWN').label).toBe('Powered off')
    expect(serviceStateOf('poweroff', 'BLOCKED').label).toBe('Not running')
    // A running service stays running whatever else is said.
    expect(serviceStateOf('running', 'ERROR').label).toBe('Running')
  })
  it("reads the Trove status from the powered-off notice's metadata", () => {
    expect(
      noticedTroveStatus({
        notifications: [
          { type: 'service_end_of_life', metadata: { version: '5.7' } },
          { type: 'service_powered_off_removal', metadata: { 'trove-status': 'ERROR' } },
        ],
      }),
    ).toBe('ERROR')
    expect(noticedTroveStatus({})).toBeUndefined()
  })
})
