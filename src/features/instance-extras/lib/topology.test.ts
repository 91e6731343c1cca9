import { describe, expect, it } from 'vitest'
import type { Instance } from '@/api/instances/schemas'
import { memberIds, replicationTopology, sourceLooksFailed, topologyBusy } from './topology'

const inst = (id: string, extra: Partial<Instance> = {}) =>
  ({ id, name: id, status: 'ACTIVE', operating_status: 'HEALTHY', ...extra }) as Instance

describe('replicationTopology', () => {
  const p = inst('p', { replicas: [{ id: 'r1' }, { id: 'r2' }] })
  const r1 = inst('r1', { replica_of: { id: 'p' } })
  const r2 = inst('r2', { replica_of: { id: 'p' } })
  const other = inst('x')

  it('from the source: the source and its replicas (sorted), not others', () => {
    const t = replicationTopology(p, [r2, p, r1, other])
    expect(t.primary.id).toBe('p')
    expect(t.replicas.map((r) => r.id)).toEqual(['r1', 'r2'])
    expect(t.viewingReplica).toBe(false)
    expect(memberIds(t)).toEqual(['p', 'r1', 'r2'])
  })

  it('from a replica: the same set; members only linked are marked unknown', () => {
    const t = replicationTopology(r1, [r1, r2])
    expect(t.viewingReplica).toBe(true)
    expect(t.primary).toMatchObject({ id: 'p', known: false, status: 'UNKNOWN' })
    expect(t.replicas.map((r) => r.id)).toEqual(['r1', 'r2'])
  })

  it('standalone: no replicas; the list wins over a stale detail (after a promote)', () => {
    expect(replicationTopology(other, [other]).replicas).toEqual([])
    const promoted = replicationTopology(r1, [
      inst('r1'),
      inst('p', { replica_of: { id: 'r1' } }),
      inst('r2', { replica_of: { id: 'r1' } }),
    ])
    expect(promoted.primary.id).toBe('r1')
    expect(promoted.replicas.map((r) => r.id)).toEqual(['p', 'r2'])
  })

  it('busy while a member moves; a source in ERROR looks failed, a healthy one does not', () => {
    const t = replicationTopology(p, [
      p,
      r1,
      inst('r2', { replica_of: { id: 'p' }, status: 'PROMOTE', operating_status: '' }),
    ])
    expect(topologyBusy(t)).toBe(true)
    expect(sourceLooksFailed(t.primary)).toBe(false)
    expect(sourceLooksFailed({ ...t.primary, operating: 'ERROR' })).toBe(true)
    expect(sourceLooksFailed({ ...t.primary, status: 'ERROR' })).toBe(true)
  })
})
