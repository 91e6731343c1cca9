import { describe, expect, it } from 'vitest'
import { INSTANCE_STATUSES, OPERATING_STATUSES, type Instance } from './schemas'
import {
  DELETE_ERROR_GRACE_MS,
  INSTANCE_ACTIONS,
  OPERATING_STATUS_DESCRIPTIONS,
  STATUS_DESCRIPTIONS,
  TASK_MISSING_GRACE_MS,
  actionAvailability,
  backoffMs,
  instancePollMs,
  instanceStatusTone,
  isTransitional,
  listPollMs,
  operatingStatusTone,
  parseTroveTime,
  statusTone,
  taskOutcome,
  transitionStartedAt,
  type StatusTone,
} from './status'

function inst(over: Partial<Instance> = {}): Instance {
  return {
    id: 'i1',
    name: 'db1',
    status: 'ACTIVE',
    operating_status: 'HEALTHY',
    flavor: { id: '1' },
    datastore: { type: 'mysql', version: '8.0' },
    volume: { size: 2 },
    ...over,
  }
}

const expectedStatusTransitional: Record<(typeof INSTANCE_STATUSES)[number], boolean> = {
  BUILD: true,
  ACTIVE: false,
  HEALTHY: false,
  BLOCKED: false,
  FAILED: false,
  REBOOT: true,
  RESIZE: true,
  BACKUP: true,
  SHUTDOWN: true,
  ERROR: false,
  RESTART_REQUIRED: false,
  PROMOTE: true,
  EJECT: true,
  UPGRADE: true,
  DETACH: true,
  UNKNOWN: false,
}

const expectedOperatingTransitional: Record<(typeof OPERATING_STATUSES)[number], boolean> = {
  '': true,
  HEALTHY: false,
  ACTIVE: false,
  BLOCKED: false,
  SHUTDOWN: false,
  DELETED: false,
  FAILED: false,
  BUILD: true,
  PROMOTE: true,
  EJECT: true,
  LOGGING: true,
  ERROR: false,
  NEW: true,
  RESTART_REQUIRED: false,
  UPGRADING: true,
  RESTARTING: true,
}

describe('isTransitional', () => {
  it.each(INSTANCE_STATUSES)('status %s (with a settled operating status)', (status) => {
    expect(isTransitional(inst({ status, operating_status: 'HEALTHY' }))).toBe(
      expectedStatusTransitional[status],
    )
  })
  it.each(OPERATING_STATUSES)('ACTIVE with operating_status %j', (op) => {
    expect(isTransitional(inst({ status: 'ACTIVE', operating_status: op }))).toBe(
      expectedOperatingTransitional[op],
    )
  })
  it('BUILD with "" is transitional; ERROR with "" is not', () => {
    expect(isTransitional(inst({ status: 'BUILD', operating_status: '' }))).toBe(true)
    expect(isTransitional(inst({ status: 'ERROR', operating_status: '' }))).toBe(false)
  })
  it('a missing operating_status (older clouds) is not a task in flight', () => {
    expect(isTransitional(inst({ status: 'ACTIVE', operating_status: undefined }))).toBe(false)
  })
  it('an unknown status is not transitional', () => {
    expect(isTransitional(inst({ status: 'SOMETHING_NEW' }))).toBe(false)
  })
})

describe('statusTone', () => {
  const statusTones: Record<(typeof INSTANCE_STATUSES)[number], StatusTone> = {
    BUILD: 'busy',
    ACTIVE: 'ok',
    HEALTHY: 'ok',
    BLOCKED: 'warning',
    FAILED: 'error',
    REBOOT: 'busy',
    RESIZE: 'busy',
    BACKUP: 'busy',
    SHUTDOWN: 'busy',
    ERROR: 'error',
    RESTART_REQUIRED: 'warning',
    PROMOTE: 'busy',
    EJECT: 'busy',
    UPGRADE: 'busy',
    DETACH: 'busy',
    UNKNOWN: 'unknown',
  }
  const opTones: Record<(typeof OPERATING_STATUSES)[number], StatusTone> = {
    '': 'busy',
    HEALTHY: 'ok',
    ACTIVE: 'ok',
    BLOCKED: 'warning',
    SHUTDOWN: 'error',
    DELETED: 'error',
    FAILED: 'error',
    BUILD: 'busy',
    PROMOTE: 'busy',
    EJECT: 'busy',
    LOGGING: 'busy',
    ERROR: 'error',
    NEW: 'busy',
    RESTART_REQUIRED: 'warning',
    UPGRADING: 'busy',
    RESTARTING: 'busy',
  }
  it.each(INSTANCE_STATUSES)('status %s', (s) => {
    expect(instanceStatusTone(s)).toBe(statusTones[s])
    expect(statusTone(s)).toBe(statusTones[s])
    expect(STATUS_DESCRIPTIONS[s]).toBeTruthy()
  })
  it.each(OPERATING_STATUSES)('operating status %j', (op) => {
    expect(operatingStatusTone(op)).toBe(opTones[op])
    expect(statusTone('ACTIVE', op)).toBe(opTones[op])
    expect(OPERATING_STATUS_DESCRIPTIONS[op]).toBeTruthy()
  })
  it('the status decides when the server is not up', () => {
    for (const op of OPERATING_STATUSES) {
      expect(statusTone('ERROR', op)).toBe('error')
      expect(statusTone('BUILD', op)).toBe('busy')
    }
  })
  it('unknown values are unknown, never a crash', () => {
    expect(statusTone('WHATEVER', 'HEALTHY')).toBe('unknown')
    expect(statusTone('ACTIVE', 'WHATEVER')).toBe('unknown')
    expect(operatingStatusTone(undefined)).toBe('unknown')
    expect(statusTone('ACTIVE', undefined)).toBe('ok')
    expect(instanceStatusTone('')).toBe('unknown')
  })
})

describe('polling', () => {
  const now = Date.parse('2026-11-23T04:00:00Z')
  it('parses Trove timestamps as UTC', () => {
    expect(parseTroveTime('2026-11-23T04:00:00')).toBe(now)
    expect(parseTroveTime('2026-11-23T04:00:00Z')).toBe(now)
    expect(parseTroveTime('2026-11-23T05:00:00+01:00')).toBe(now)
    expect(parseTroveTime('garbage')).toBeUndefined()
    expect(parseTroveTime(undefined)).toBeUndefined()
    expect(parseTroveTime(null)).toBeUndefined()
  })
  it('transitionStartedAt prefers updated, then created', () => {
    expect(
      transitionStartedAt({ updated: '2026-11-23T04:00:00', created: '2020-01-01T00:00:00' }),
    ).toBe(now)
    expect(transitionStartedAt({ created: '2026-11-23T04:00:00' })).toBe(now)
    expect(transitionStartedAt({})).toBeUndefined()
  })
  it('backs off: base for 30 s, then doubling, capped at 15 s', () => {
    expect(backoffMs(0)).toBe(1000)
    expect(backoffMs(-5000)).toBe(1000)
    expect(backoffMs(29_999)).toBe(1000)
    expect(backoffMs(30_000)).toBe(2000)
    expect(backoffMs(59_999)).toBe(2000)
    expect(backoffMs(60_000)).toBe(4000)
    expect(backoffMs(120_000)).toBe(8000)
    expect(backoffMs(240_000)).toBe(15_000)
    expect(backoffMs(86_400_000)).toBe(15_000)
    expect(backoffMs(0, 250)).toBe(250)
    expect(backoffMs(30_000, 250)).toBe(500)
    expect(backoffMs(10_000_000, 20_000)).toBe(20_000)
  })
  it('stops when nothing moves', () => {
    expect(listPollMs(undefined, now)).toBe(false)
    expect(listPollMs([], now)).toBe(false)
    expect(listPollMs([inst(), inst({ status: 'ERROR' })], now)).toBe(false)
    expect(instancePollMs(undefined, now)).toBe(false)
    expect(instancePollMs(inst(), now)).toBe(false)
  })
  it('polls at base for a fresh transition, whatever else is stuck', () => {
    const stuck = inst({ id: 'a', status: 'BUILD', updated: '2026-11-23T02:00:00' })
    const fresh = inst({ id: 'b', status: 'REBOOT', updated: '2026-11-23T03:59:55' })
    expect(listPollMs([stuck], now)).toBe(15_000)
    expect(listPollMs([stuck, fresh, inst()], now)).toBe(1000)
    expect(listPollMs([stuck, fresh], now, 500)).toBe(500)
  })
  it('uses the supplied start time and treats an unknown start as now', () => {
    const moving = inst({ status: 'BUILD' })
    expect(listPollMs([moving], now)).toBe(1000)
    expect(listPollMs([moving], now, 1000, () => now - 45_000)).toBe(2000)
    expect(instancePollMs(moving, now, 1000, () => now - 130_000)).toBe(8000)
  })
})

describe('actionAvailability', () => {
  const member = { isAdmin: false }
  const admin = { isAdmin: true }
  it('allows everything but reset-status and force delete on a healthy instance for a member', () => {
    for (const a of INSTANCE_ACTIONS) {
      expect(actionAvailability(inst(), a, member).allowed).toBe(
        a !== 'reset-status' && a !== 'force-delete',
      )
    }
  })
  it('force delete is for admins, even while building (a plain delete is refused then)', () => {
    const building = inst({ status: 'BUILD', operating_status: 'BUILD' })
    expect(actionAvailability(building, 'delete', admin).allowed).toBe(false)
    expect(actionAvailability(building, 'force-delete', admin).allowed).toBe(true)
    expect(actionAvailability(building, 'force-delete', member)).toEqual({
      allowed: false,
      reason: expect.stringMatching(/administrator/),
    })
  })
  it('reset-status is for admins only, in any state', () => {
    const r = actionAvailability(inst(), 'reset-status', member)
    expect(r).toEqual({ allowed: false, reason: expect.stringMatching(/administrator/) })
    for (const status of INSTANCE_STATUSES) {
      expect(actionAvailability(inst({ status }), 'reset-status', admin).allowed).toBe(true)
    }
  })
  it.each(['restart', 'resize-flavor', 'resize-volume', 'update-access'] as const)(
    '%s needs a ready instance',
    (a) => {
      for (const status of INSTANCE_STATUSES) {
        const ok = status === 'ACTIVE' || status === 'HEALTHY' || status === 'RESTART_REQUIRED'
        const r = actionAvailability(
          inst({ status, operating_status: status === 'RESTART_REQUIRED' ? '' : 'HEALTHY' }),
          a,
          admin,
        )
        expect(r.allowed, status).toBe(ok)
        if (!ok) expect(r.reason).toBeTruthy()
      }
      expect(actionAvailability(inst({ operating_status: '' }), a, member)).toEqual({
        allowed: false,
        reason: 'Not available while a task is running.',
      })
      for (const op of ['ACTIVE', 'SHUTDOWN', 'BLOCKED', 'RESTART_REQUIRED']) {
        expect(actionAvailability(inst({ operating_status: op }), a, member).allowed).toBe(true)
      }
      for (const op of ['FAILED', 'ERROR', 'BUILD', 'NEW', 'RESTARTING', 'WHAT']) {
        const r = actionAvailability(inst({ operating_status: op }), a, member)
        expect(r.allowed).toBe(false)
        expect(r.reason).toContain(op)
      }
    },
  )
  it('resize-volume needs a volume', () => {
    expect(actionAvailability(inst({ volume: undefined }), 'resize-volume', member)).toEqual({
      allowed: false,
      reason: 'This instance has no volume to resize.',
    })
  })
  it('rename works in any state except while deleting', () => {
    for (const status of INSTANCE_STATUSES) {
      expect(actionAvailability(inst({ status }), 'rename', member).allowed).toBe(
        status !== 'SHUTDOWN',
      )
    }
  })
  it('delete: not while deleting, building, or with replicas', () => {
    expect(actionAvailability(inst({ status: 'SHUTDOWN' }), 'delete', admin)).toEqual({
      allowed: false,
      reason: 'The instance is being deleted.',
    })
    expect(actionAvailability(inst({ status: 'BUILD' }), 'delete', member).allowed).toBe(false)
    expect(actionAvailability(inst({ replicas: [{ id: 'r' }] }), 'delete', member).allowed).toBe(
      false,
    )
    for (const status of ['ACTIVE', 'ERROR', 'FAILED', 'REBOOT', 'RESIZE', 'UNKNOWN', 'BLOCKED']) {
      expect(actionAvailability(inst({ status }), 'delete', member).allowed).toBe(true)
    }
  })
})

describe('taskOutcome', () => {
  const t0 = 1_000_000
  it('delete succeeds when the instance is gone', () => {
    expect(taskOutcome('delete', undefined, t0, t0 + 1)).toBe('succeeded')
    expect(
      taskOutcome('delete', inst({ status: 'SHUTDOWN', operating_status: '' }), t0, t0 + 1),
    ).toBe('running')
  })
  it('delete of an errored instance stays running for a while, then fails', () => {
    const e = inst({ status: 'ERROR', operating_status: '' })
    expect(taskOutcome('delete', e, t0, t0 + 1000)).toBe('running')
    expect(taskOutcome('delete', e, t0, t0 + DELETE_ERROR_GRACE_MS)).toBe('failed')
  })
  it('delete fails when the instance settles back', () => {
    expect(taskOutcome('delete', inst(), t0, t0 + 1)).toBe('failed')
  })
  it.each(['create', 'restart', 'resize-flavor', 'resize-volume', 'update-access', 'rename'])(
    '%s',
    (a) => {
      expect(taskOutcome(a, inst({ status: 'BUILD', operating_status: '' }), t0, t0 + 1)).toBe(
        'running',
      )
      expect(taskOutcome(a, inst({ status: 'REBOOT', operating_status: '' }), t0, t0 + 1)).toBe(
        'running',
      )
      expect(taskOutcome(a, inst({ operating_status: '' }), t0, t0 + 1)).toBe('running')
      expect(taskOutcome(a, inst(), t0, t0 + 1)).toBe('succeeded')
      expect(taskOutcome(a, inst({ status: 'RESTART_REQUIRED', operating_status: '' }), t0)).toBe(
        'succeeded',
      )
      expect(taskOutcome(a, inst({ status: 'ERROR', operating_status: '' }), t0, t0 + 1)).toBe(
        'failed',
      )
      expect(taskOutcome(a, inst({ status: 'FAILED' }), t0, t0 + 1)).toBe('failed')
      expect(taskOutcome(a, undefined, t0, t0 + 1)).toBe('running')
      expect(taskOutcome(a, undefined, t0, t0 + TASK_MISSING_GRACE_MS)).toBe('failed')
    },
  )
  it('the optimistic transitional status written by a mutation keeps it running', () => {
    // Right after the action the cache holds REBOOT (written by the mutation), not the old ACTIVE.
    const optimistic = inst({ status: 'REBOOT', operating_status: '' })
    expect(taskOutcome('restart', optimistic, t0, t0)).toBe('running')
  })
})
