import { describe, expect, it } from 'vitest'
import { isBackupDeleting, markBackupsDeleting, settleBackupDeletes } from './pending-deletes'

const one = { region: 'RegionOne', projectId: 'p1' }
const two = { region: 'RegionTwo', projectId: 'p1' }

describe('pending backup deletes', () => {
  it('keeps a backup deleting while its own scope still lists it, and settles when it is gone', () => {
    markBackupsDeleting(one, ['a', 'b'], 1000)
    markBackupsDeleting(two, ['c'], 1000)
    settleBackupDeletes(one, new Set(['a', 'b', 'x']), 2000)
    expect([isBackupDeleting('a'), isBackupDeleting('b')]).toEqual([true, true])
    settleBackupDeletes(one, new Set(['b']), 3000)
    expect([isBackupDeleting('a'), isBackupDeleting('b')]).toEqual([false, true])
    // Another region's list says nothing about RegionTwo's backup.
    expect(isBackupDeleting('c')).toBe(true)
    // An entry never settled by a list expires.
    settleBackupDeletes(one, new Set(['b']), 1000 + 11 * 60_000)
    expect([isBackupDeleting('b'), isBackupDeleting('c')]).toEqual([false, false])
  })
})
