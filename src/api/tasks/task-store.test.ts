import { beforeEach, describe, expect, it } from 'vitest'
import {
  clearSettled,
  dismissTask,
  getTasks,
  resetTasksForTests,
  settleTask,
  subscribeTasks,
  trackTask,
} from './task-store'

const resource = { kind: 'instance' as const, id: 'i1', name: 'db1', projectId: 'p', region: 'R1' }

describe('task store', () => {
  beforeEach(() => resetTasksForTests())

  it('tracks, settles, dismisses and clears', () => {
    let notified = 0
    const off = subscribeTasks(() => notified++)
    const a = trackTask({ action: 'restart', label: 'Restart db1', resource })
    const b = trackTask({ id: 'b', action: 'delete', label: 'Delete db1', resource, startedAt: 5 })
    expect(getTasks().map((t) => t.id)).toEqual(['b', a.id])
    expect(a.state).toBe('running')

    settleTask(a.id, 'failed', 'boom')
    const settled = getTasks().find((t) => t.id === a.id)
    expect(settled?.state).toBe('failed')
    expect(settled?.detail).toBe('boom')
    expect(settled?.settledAt).toBeTypeOf('number')

    // Settling twice changes nothing.
    const before = getTasks()
    settleTask(a.id, 'succeeded')
    expect(getTasks()).toBe(before)

    clearSettled()
    expect(getTasks().map((t) => t.id)).toEqual(['b'])
    dismissTask(b.id)
    expect(getTasks()).toEqual([])
    off()
    expect(notified).toBeGreaterThanOrEqual(4)
  })

  it('keeps running tasks when trimming', () => {
    const running = trackTask({ action: 'create', label: 'Create db0', resource })
    for (let i = 0; i < 60; i++) {
      const t = trackTask({ action: 'restart', label: `Restart ${i}`, resource })
      settleTask(t.id, 'succeeded')
    }
    expect(getTasks().length).toBeLessThanOrEqual(50)
    expect(getTasks().some((t) => t.id === running.id)).toBe(true)
  })
})
