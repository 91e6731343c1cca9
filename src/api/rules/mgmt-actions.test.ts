import { describe, expect, it } from 'vitest'
import { mgmtActionRefusal, NO_TASK_DESCRIPTION, type MgmtActionName } from './mgmt-actions'

const settled = {
  status: 'ACTIVE',
  operating_status: 'HEALTHY',
  task_description: NO_TASK_DESCRIPTION,
}
const ALL: MgmtActionName[] = ['stop', 'reboot', 'migrate', 'reset-task-status', 'rebuild']

describe('mgmtActionRefusal', () => {
  it('allows every action but reset-task-status on a settled instance', () => {
    for (const a of ALL) {
      const r = mgmtActionRefusal(a, settled)
      if (a === 'reset-task-status') expect(r).toMatchObject({ cloudRefuses: false })
      else expect(r).toBeNull()
    }
  })

  it('refuses everything on a deleted instance, and the cloud refuses too', () => {
    for (const a of ALL)
      expect(mgmtActionRefusal(a, { ...settled, deleted: true })).toEqual({
        message: 'The instance is deleted.',
        cloudRefuses: true,
      })
  })

  it('refuses reboot, rebuild and migrate while the instance is built or deleted', () => {
    for (const status of ['BUILD', 'SHUTDOWN'])
      for (const a of ['reboot', 'rebuild', 'migrate'] as const) {
        const r = mgmtActionRefusal(a, { status, operating_status: '', task_description: 'x' })
        expect(r?.cloudRefuses).toBe(true)
        expect(r?.message).toContain(`status ${status}`)
      }
  })

  it('refuses a migration while a task runs, but allows reboot and reset-task-status', () => {
    const moving = {
      status: 'RESIZE',
      operating_status: '',
      task_description: 'Migrating the instance.',
    }
    expect(mgmtActionRefusal('migrate', moving)?.message).toContain('Migrating the instance.')
    expect(mgmtActionRefusal('reboot', moving)).toBeNull()
    expect(mgmtActionRefusal('reset-task-status', moving)).toBeNull()
    // ACTIVE with an empty operating status is a task in flight (no description given).
    expect(mgmtActionRefusal('migrate', { status: 'ACTIVE', operating_status: '' })).not.toBeNull()
  })

  it('advises against stopping a stopped database, without the cloud refusing it', () => {
    const r = mgmtActionRefusal('stop', { ...settled, operating_status: 'SHUTDOWN' })
    expect(r).toMatchObject({ cloudRefuses: false })
    expect(r?.message).toMatch(/already stopped/)
    expect(mgmtActionRefusal('reboot', { ...settled, operating_status: 'SHUTDOWN' })).toBeNull()
  })

  it('allows reboot and rebuild of an instance in ERROR, not a migration', () => {
    const broken = {
      status: 'ERROR',
      operating_status: 'ERROR',
      task_description: NO_TASK_DESCRIPTION,
    }
    expect(mgmtActionRefusal('reboot', broken)).toBeNull()
    expect(mgmtActionRefusal('rebuild', broken)).toBeNull()
    expect(mgmtActionRefusal('migrate', broken)?.cloudRefuses).toBe(true)
  })
})
