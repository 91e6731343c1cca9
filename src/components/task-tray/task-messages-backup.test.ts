import { describe, expect, it } from 'vitest'
import { copyIdFromLocation } from '@/api/backups/mutations'
import type { Backup } from '@/api/backups/schemas'
import { settledBackupMessage, settledFinalBackupMessage } from './task-messages'
import type { TrackedTask } from '@/api/tasks/task-store'

const task = (action: string): TrackedTask => ({
  id: 't',
  action,
  label: action === 'copy-backup' ? 'Copy nightly to RegionTwo' : 'Backup nightly',
  resource: { kind: 'backup', id: 'b1', name: 'nightly', projectId: 'p', region: 'RegionTwo' },
  startedAt: 0,
  state: 'running',
})
const backup = (status: string): Backup => ({
  id: 'b1',
  name: 'nightly',
  created: '2026-11-23T03:00:00',
  updated: '2026-11-23T03:00:00',
  status,
})

describe('backup task messages', () => {
  it('says where a backup completed, why it failed, and that a delete happened', () => {
    expect(settledBackupMessage(task('copy-backup'), 'succeeded', backup('COMPLETED')).title).toBe(
      'Backup nightly is COMPLETED in RegionTwo',
    )
    expect(settledBackupMessage(task('create-backup'), 'failed', backup('FAILED')).title).toBe(
      'Backup nightly failed: backup nightly is FAILED',
    )
    expect(settledBackupMessage(task('delete-backup'), 'succeeded', undefined)).toEqual({
      title: 'Backup nightly was deleted',
      detail: 'Deleted',
    })
  })

  it('reads the copy id from the Location header', () => {
    const id = '0c1b5616-fdc5-45ae-b2dc-6f1440d55d0e'
    expect(copyIdFromLocation(`http://h/trove/RegionTwo/v1.0/p/backups/${id}`)).toBe(id)
    expect(copyIdFromLocation(null)).toBeNull()
    expect(copyIdFromLocation('http://h/elsewhere')).toBeNull()
  })
})

describe('settledFinalBackupMessage (safe delete)', () => {
  const task = trackedFinal()
  it('on success names the instance being deleted; on failure says it was kept and why', () => {
    expect(settledFinalBackupMessage(task, 'succeeded', undefined).title).toBe(
      'Final backup db1-final-x is COMPLETED: deleting db1',
    )
    const failed = settledFinalBackupMessage(task, 'failed', {
      id: 'b',
      name: 'db1-final-x',
      status: 'FAILED',
      created: '',
      updated: '',
    })
    expect(failed).toEqual({
      title: 'Final backup failed (backup db1-final-x is FAILED): db1 was kept, not deleted',
      detail: 'Backup db1-final-x is FAILED: db1 was kept, not deleted.',
    })
  })
})

function trackedFinal(): TrackedTask {
  return {
    id: 't',
    action: 'final-backup',
    label: 'Final backup db1-final-x, then delete db1',
    resource: { kind: 'backup', id: 'b', name: 'db1-final-x', projectId: 'p', region: 'r' },
    startedAt: 0,
    state: 'running',
    then: { action: 'delete-instance', instance: { id: 'i', name: 'db1' } },
  }
}
