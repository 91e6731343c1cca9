import { describe, expect, it } from 'vitest'
import { actionBlocker, operatingStatus, publicStatus } from './status-model'

const s = (task_status: string, server_status: string, service_status: string) => ({
  task_status,
  server_status,
  service_status,
})

describe('publicStatus / operatingStatus (Trove 18 rules)', () => {
  it.each([
    [s('BUILDING', 'BUILD', 'NEW'), 'BUILD', ''],
    [s('BUILDING', 'ERROR', 'NEW'), 'ERROR', ''],
    [s('BUILDING_ERROR_SERVER', 'ACTIVE', 'NEW'), 'ERROR', ''],
    [s('NONE', 'ACTIVE', 'HEALTHY'), 'ACTIVE', 'HEALTHY'],
    [s('NONE', 'ACTIVE', 'RUNNING'), 'ACTIVE', 'ACTIVE'],
    [s('NONE', 'ACTIVE', 'UNKNOWN'), 'ACTIVE', 'ERROR'],
    [s('REBOOTING', 'ACTIVE', 'RESTARTING'), 'REBOOT', ''],
    [s('RESIZING', 'RESIZE', 'HEALTHY'), 'RESIZE', ''],
    [s('MIGRATING', 'ACTIVE', 'HEALTHY'), 'ACTIVE', ''],
    [s('DELETING', 'ACTIVE', 'HEALTHY'), 'SHUTDOWN', ''],
    [s('DELETING', 'BUILD', 'HEALTHY'), 'ERROR', ''],
    [s('RESTART_REQUIRED', 'ACTIVE', 'RESTART_REQUIRED'), 'RESTART_REQUIRED', ''],
    [s('NONE', 'VERIFY_RESIZE', 'HEALTHY'), 'RESIZE', ''],
    [s('NONE', 'SHUTOFF', 'SHUTDOWN'), 'UNKNOWN', ''],
  ])('%j -> %s / %s', (stored, status, operating) => {
    expect(publicStatus(stored)).toBe(status)
    expect(operatingStatus(stored)).toBe(operating)
  })

  it('shows BACKUP while a backup runs, after the task rules', () => {
    expect(publicStatus(s('NONE', 'ACTIVE', 'HEALTHY'), true)).toBe('BACKUP')
    expect(publicStatus(s('REBOOTING', 'ACTIVE', 'HEALTHY'), true)).toBe('REBOOT')
  })

  it('explains why an action cannot start, in Trove words', () => {
    expect(actionBlocker(s('NONE', 'ACTIVE', 'HEALTHY'))).toBeNull()
    expect(actionBlocker(s('BUILDING', 'BUILD', 'NEW'))).toBe('instance status was BUILD')
    expect(actionBlocker(s('REBOOTING', 'ACTIVE', 'RESTARTING'))).toBe('task status was REBOOTING')
    expect(actionBlocker(s('BUILDING_ERROR_TIMEOUT_GA', 'ACTIVE', 'FAILED'))).toBe(
      'task status was ERROR',
    )
    expect(actionBlocker(s('NONE', 'ACTIVE', 'FAILED'))).toBe('instance status was ACTIVE')
    expect(actionBlocker(s('NONE', 'ACTIVE', 'HEALTHY'), true)).toBe('instance status was BACKUP')
  })
})
