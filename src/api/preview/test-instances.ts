import type { Backup } from '../backups/schemas'
import type { Instance } from '../instances/schemas'

/** Test data for the preview's unit tests (plain objects shaped like Trove's answers). */
export function inst(p: Partial<Instance> & { id: string }): Instance {
  return {
    name: p.id,
    status: 'ACTIVE',
    operating_status: 'HEALTHY',
    flavor: { id: '2' },
    datastore: { type: 'mysql', version: '8.0' },
    volume: { size: 5 },
    ...p,
  }
}

export function backup(p: Partial<Backup> & { id: string }): Backup {
  return {
    name: p.id,
    status: 'COMPLETED',
    created: '2026-12-05T10:00:00',
    updated: '2026-12-05T10:00:10',
    instance_id: 'a',
    ...p,
  }
}
