import { describe, expect, it } from 'vitest'
import type { Instance } from '@/api/instances/schemas'
import { settledMessage } from './task-messages'
import type { TrackedTask } from '@/api/tasks/task-store'

const task = (action: string, label: string): TrackedTask => ({
  id: 't',
  action,
  label,
  resource: { kind: 'instance', id: 'i1', name: 'db1', projectId: 'p', region: 'R1' },
  startedAt: 0,
  state: 'running',
})
const instance = (patch: Partial<Instance>) =>
  ({ id: 'i1', name: 'db1', status: 'ACTIVE', ...patch }) as Instance

describe('settledMessage', () => {
  it('says the new status on success', () => {
    expect(settledMessage(task('create', 'Create db1'), 'succeeded', instance({})).title).toBe(
      'db1 is ACTIVE',
    )
    expect(settledMessage(task('delete', 'Delete db1'), 'succeeded', undefined).title).toBe(
      'db1 was deleted',
    )
  })
  it('gives the fault on failure', () => {
    const failed = instance({ status: 'ERROR', fault: { message: 'No valid host was found.' } })
    expect(settledMessage(task('restart', 'Restart db1'), 'failed', failed).title).toBe(
      'Restart db1 failed: No valid host was found.',
    )
    expect(settledMessage(task('restart', 'Restart db1'), 'failed', undefined).detail).toBe(
      'db1 is no longer listed',
    )
  })
})
