import { describe, expect, it } from 'vitest'
import { tileState } from './tile-state'

describe('tileState', () => {
  it.each([
    ['ACTIVE', 'HEALTHY', 'ok', 'Healthy'],
    ['HEALTHY', undefined, 'ok', 'Healthy'],
    ['BUILD', '', 'busy', 'Building'],
    ['REBOOT', 'SHUTDOWN', 'busy', 'Restarting'],
    ['SHUTDOWN', '', 'busy', 'Deleting'],
    ['ACTIVE', '', 'busy', 'Task running'],
    ['ACTIVE', 'RESTARTING', 'busy', 'Restarting database'],
    ['ERROR', 'ERROR', 'error', 'Error'],
    ['FAILED', undefined, 'error', 'Failed'],
    ['ACTIVE', 'SHUTDOWN', 'error', 'Database down'],
    ['BLOCKED', 'BLOCKED', 'warning', 'Blocked'],
    ['RESTART_REQUIRED', 'RESTART_REQUIRED', 'warning', 'Restart required'],
    ['UNKNOWN', undefined, 'unknown', 'Unknown'],
    ['SOMETHING_NEW', undefined, 'unknown', 'SOMETHING_NEW'],
  ])('%s / %s -> %s (%s)', (status, op, health, activity) => {
    expect(tileState(status, op)).toEqual({ health, activity })
  })
})
