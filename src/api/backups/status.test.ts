import { describe, expect, it } from 'vitest'
import type { Backup } from './schemas'
import {
  BACKUP_MISSING_GRACE_MS,
  backupStatusTone,
  backupTaskOutcome,
  backupsPollMs,
  isBackupRestorable,
  isBackupTransitional,
} from './status'

const b = (status: string, id = 'b'): Backup => ({
  id,
  name: id,
  created: '2026-11-23T03:00:00',
  updated: '2026-11-23T03:00:00',
  status,
})

describe('backup status', () => {
  it('knows running and restorable states', () => {
    expect(['NEW', 'BUILDING', 'SAVING'].every((s) => isBackupTransitional(b(s)))).toBe(true)
    expect(['COMPLETED', 'FAILED', 'RESTORED'].some((s) => isBackupTransitional(b(s)))).toBe(false)
    expect(isBackupRestorable(b('COMPLETED'))).toBe(true)
    expect(isBackupRestorable(b('RESTORED'))).toBe(true)
    expect(isBackupRestorable(b('FAILED'))).toBe(false)
    expect(backupStatusTone('COMPLETED')).toBe('ok')
    expect(backupStatusTone('BUILDING')).toBe('busy')
    expect(backupStatusTone('DELETE_FAILED')).toBe('error')
    expect(backupStatusTone('WHAT')).toBe('unknown')
  })

  it('polls only while something runs, backing off from the latest start', () => {
    const since = () => 0
    expect(backupsPollMs(undefined, 0, 1000, since)).toBe(false)
    expect(backupsPollMs([b('COMPLETED')], 0, 1000, since)).toBe(false)
    expect(backupsPollMs([b('COMPLETED'), b('NEW', 'x')], 5_000, 1000, since)).toBe(1000)
    expect(backupsPollMs([b('BUILDING')], 70_000, 1000, since)).toBe(4000)
    // A fresh run polls fast even next to an old stuck one.
    const mixed = (x: Backup) => (x.id === 'fresh' ? 69_000 : 0)
    expect(backupsPollMs([b('NEW', 'old'), b('NEW', 'fresh')], 70_000, 1000, mixed)).toBe(1000)
    // Unknown start: counts as now.
    expect(backupsPollMs([b('NEW')], 70_000, 1000, () => undefined)).toBe(1000)
  })

  it('settles create, copy and delete tasks', () => {
    expect(backupTaskOutcome('create-backup', b('NEW'), 0, 1)).toBe('running')
    expect(backupTaskOutcome('create-backup', b('COMPLETED'), 0, 1)).toBe('succeeded')
    expect(backupTaskOutcome('copy-backup', b('FAILED'), 0, 1)).toBe('failed')
    expect(backupTaskOutcome('copy-backup', undefined, 0, 1)).toBe('running')
    expect(backupTaskOutcome('copy-backup', undefined, 0, BACKUP_MISSING_GRACE_MS)).toBe('failed')
    expect(backupTaskOutcome('delete-backup', undefined, 0, 1)).toBe('succeeded')
    expect(backupTaskOutcome('delete-backup', b('COMPLETED'), 0, 1)).toBe('running')
    expect(backupTaskOutcome('delete-backup', b('COMPLETED'), 0, BACKUP_MISSING_GRACE_MS)).toBe(
      'failed',
    )
    expect(backupTaskOutcome('delete-backup', b('DELETE_FAILED'), 0, 1)).toBe('failed')
  })
})
