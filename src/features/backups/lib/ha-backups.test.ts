import { describe, expect, it } from 'vitest'
import type { Backup } from '@/api/backups/schemas'
import { createBackupDefaults } from './create-backup.schema'
import { haBackupRows, haCreateBlocked, toCreateHaBackupRequest } from './ha-backups'

const b = (id: string, status: string, source?: { type: string; id: string }): Backup => ({
  id,
  name: id,
  status,
  created: '2026-01-01T00:00:00',
  updated: '2026-01-01T00:00:00',
  instance_id: null,
  ...(source ? { source } : {}),
})

describe('haBackupRows', () => {
  it("keeps the group's rows, fresher from the project list, plus the group's new ones", () => {
    const rows = haBackupRows(
      'ha1',
      [b('x', 'NEW', { type: 'ha', id: 'ha1' })],
      [
        b('x', 'COMPLETED', { type: 'ha', id: 'ha1' }),
        b('y', 'BUILDING', { type: 'ha', id: 'ha1' }),
        b('z', 'COMPLETED', { type: 'ha', id: 'other' }),
        b('w', 'COMPLETED'),
      ],
    )
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['x', 'COMPLETED'],
      ['y', 'BUILDING'],
    ])
  })
})

describe('toCreateHaBackupRequest', () => {
  it('sends the HA source, never an instance', () => {
    expect(
      toCreateHaBackupRequest('ha1', {
        ...createBackupDefaults,
        name: ' nightly ',
        description: 'd',
      }),
    ).toEqual({ backup: { name: 'nightly', description: 'd', source: { type: 'ha', id: 'ha1' } } })
  })
})

describe('haCreateBlocked', () => {
  it('needs a primary with replicas', () => {
    expect(haCreateBlocked({ replicas: [{ id: 'r' }] })).toBeUndefined()
    expect(haCreateBlocked({ replicas: [] })).toMatch(/no replicas/)
    expect(haCreateBlocked({ replica_of: { id: 'p' } })).toMatch(/is a replica/)
  })
})
