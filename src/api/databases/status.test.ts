import { describe, expect, it } from 'vitest'
import { manageability } from './status'

const inst = (status: string, operating_status?: string) => ({
  name: 'db1',
  status,
  ...(operating_status === undefined ? {} : { operating_status }),
})

describe('manageability', () => {
  it('is ready when ACTIVE (or BACKUP) with the datastore running', () => {
    expect(manageability(inst('ACTIVE', 'HEALTHY')).ready).toBe(true)
    expect(manageability(inst('ACTIVE', 'ACTIVE')).ready).toBe(true)
    expect(manageability(inst('BACKUP', 'HEALTHY')).ready).toBe(true)
    // Clouds that do not send operating_status: the status decides.
    expect(manageability(inst('ACTIVE')).ready).toBe(true)
  })
  it('explains why not otherwise', () => {
    const build = manageability(inst('BUILD', ''))
    expect(build).toEqual({
      ready: false,
      reason: expect.stringContaining('db1 cannot be managed now: it is BUILD.') as string,
    })
    expect(manageability(inst('REBOOT', '')).ready).toBe(false)
    expect(manageability(inst('ERROR', '')).ready).toBe(false)
    const busy = manageability(inst('ACTIVE', ''))
    expect(busy.ready).toBe(false)
    expect(!busy.ready && busy.reason).toContain('busy with a task')
    expect(manageability(inst('ACTIVE', 'SHUTDOWN')).ready).toBe(false)
  })
})
