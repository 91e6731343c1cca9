import { describe, expect, it } from 'vitest'
import type { Instance } from './schemas'
import { INSTANCE_STATUSES, OPERATING_STATUSES } from './schemas'
import { statusGuide } from './status-guide'

function inst(over: Partial<Instance>): Instance {
  return {
    id: 'i',
    name: 'db',
    status: 'ACTIVE',
    operating_status: 'HEALTHY',
    flavor: { id: '1' },
    datastore: { type: 'mysql', version: '8.0' },
    ...over,
  }
}
const kinds = (i: Instance, isAdmin = false) => statusGuide(i, { isAdmin }).steps.map((s) => s.kind)

describe('statusGuide', () => {
  it('ERROR: the fault, logs, delete; reset and force delete for admins only; no connecting', () => {
    const failed = inst({
      status: 'ERROR',
      operating_status: '',
      fault: { message: 'Guest agent did not respond' },
    })
    const member = statusGuide(failed, { isAdmin: false })
    expect(member.fault).toBe('Guest agent did not respond')
    expect(member.canConnect).toBe(false)
    expect(member.connectBlocked).toMatch(/failed/)
    expect(member.sentence).not.toMatch(/task/)
    expect(kinds(failed)).toEqual(['view-logs', 'delete'])
    expect(kinds(failed, true)).toEqual(['view-logs', 'reset-status', 'delete', 'force-delete'])
  })
  it('a build offers waiting, and force delete to admins (delete is refused while it builds)', () => {
    const building = inst({ status: 'BUILD', operating_status: 'BUILD' })
    expect(kinds(building)).toEqual(['wait'])
    expect(kinds(building, true)).toEqual(['wait', 'force-delete'])
    expect(statusGuide(building, { isAdmin: false }).canConnect).toBe(false)
  })
  it('a healthy instance is for connecting', () => {
    const g = statusGuide(inst({}), { isAdmin: false })
    expect(g.canConnect).toBe(true)
    expect(g.steps.map((s) => s.kind)).toEqual(['connect'])
  })
  it('a configuration waiting for a restart offers Restart', () => {
    expect(kinds(inst({ operating_status: 'RESTART_REQUIRED' }))).toEqual(['restart', 'connect'])
  })
  it('a datastore down under a running server: restart and logs, no connecting', () => {
    const down = inst({ operating_status: 'SHUTDOWN' })
    expect(kinds(down)[0]).toBe('restart')
    expect(statusGuide(down, { isAdmin: false }).canConnect).toBe(false)
  })
  it('a replica source with replicas is never offered a delete it would be refused', () => {
    const source = inst({ status: 'ERROR', replicas: [{ id: 'r' }] })
    expect(kinds(source, true)).toEqual(['view-logs', 'reset-status'])
  })
  it('has a sentence for every status pair Trove can report', () => {
    for (const status of INSTANCE_STATUSES) {
      for (const op of [...OPERATING_STATUSES, undefined]) {
        const g = statusGuide(inst({ status, operating_status: op }), { isAdmin: true })
        expect(g.sentence.length, `${status}/${op}`).toBeGreaterThan(10)
        expect(g.sentence, `${status}/${op}`).not.toMatch(/does not know/)
        expect(g.steps.length, `${status}/${op}`).toBeGreaterThan(0)
        expect(g.canConnect || Boolean(g.connectBlocked), `${status}/${op}`).toBe(true)
      }
    }
  })
})
