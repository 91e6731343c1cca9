import { describe, expect, it } from 'vitest'
import type { UsualDurationBody } from '../journal/schemas'
import type { Consequence } from './consequence'
import { deleteNeedsTypedName, instanceChangePreview, type PreviewInput } from './change-preview'
import { backupsOnDelete } from './backups-on-delete'
import { describeUsual } from './outage'
import { compareVersions, recentBackupWarning } from './preflight'
import { formatDelta, quotaConsequence, quotaDeltasFor } from './quota-delta'
import { topologyConsequence } from './topology'
import { backup, inst } from './test-instances'

const NOW = Date.parse('2026-12-05T12:00:00Z')
const flavors = [
  { id: '2', name: 'small', ram: 2048, links: [] },
  { id: '3', name: 'medium', ram: 4096, links: [] },
]
const usual = (p: Partial<UsualDurationBody>): UsualDurationBody => ({
  kind: 'instance',
  status: 'REBOOT',
  datastore: 'mysql',
  basis: 'datastore',
  medianMs: 42_000,
  p95Ms: 70_000,
  samples: 12,
  ...p,
})

function preview(p: Partial<PreviewInput> & Pick<PreviewInput, 'action' | 'instance'>) {
  return instanceChangePreview({
    instances: [p.instance],
    backups: [],
    flavors,
    usage: { instances: 3, ram: 6144, volumes: 15, backups: 2 },
    limits: { verb: 'ABSOLUTE', max_instances: 5, max_ram: 8192, max_volumes: 20, max_backups: 10 },
    usual: undefined,
    now: NOW,
    ...p,
  })
}
const byId = (list: Consequence[], id: string) => list.find((c) => c.id === id)

describe('outage and its expected length (from the journal)', () => {
  it('says the usual length, or that there is no history yet', () => {
    expect(describeUsual(usual({}), 'mysql')).toBe(
      'Usually 42s (p95 1m 10s, 12 past REBOOT on mysql)',
    )
    expect(describeUsual(usual({ basis: 'all' }), 'mysql')).toMatch(/on all datastores\)$/)
    expect(describeUsual(usual({ basis: 'none', medianMs: null, p95Ms: null }), 'mysql')).toBe(
      'Expected length: no history yet',
    )
    const restart = preview({ action: 'restart', instance: inst({ id: 'a' }), usual: usual({}) })
    expect(byId(restart, 'outage')?.text).toMatch(/^The database restarts.*\. Usually 42s \(/)
  })
  it('has no outage line for a rename', () => {
    expect(byId(preview({ action: 'rename', instance: inst({ id: 'a' }) }), 'outage')).toBe(
      undefined,
    )
  })
})

describe('replication before → after', () => {
  const src = inst({ id: 's', name: 'src' })
  const r1 = inst({ id: 'r1', name: 'r1', replica_of: { id: 's' } })
  const r2 = inst({ id: 'r2', name: 'r2', replica_of: { id: 's' } })
  const all = [src, r1, r2]
  it('promote: the replica becomes the source, the old source and the others follow it', () => {
    const c = topologyConsequence('promote', r2, all)
    expect(c?.kind === 'topology' && [c.before, c.after]).toEqual([
      [
        { name: 'src', role: 'source' },
        { name: 'r1', role: 'replica' },
        { name: 'r2', role: 'replica' },
      ],
      [
        { name: 'r2', role: 'source' },
        { name: 'src', role: 'replica' },
        { name: 'r1', role: 'replica' },
      ],
    ])
  })
  it('detach: the replica stands alone; the last one leaves the source standalone', () => {
    const c = topologyConsequence('detach', r1, [src, r1])
    expect(c?.kind === 'topology' && c.after).toEqual([
      { name: 'src', role: 'standalone' },
      { name: 'r1', role: 'standalone' },
    ])
  })
  it('eject: the source leaves; deleting a source with replicas is refused', () => {
    const e = topologyConsequence('eject', src, [src, r1])
    expect(e?.kind === 'topology' && e.after).toEqual([
      { name: 'src', role: 'leaves' },
      { name: 'r1', role: 'source' },
    ])
    expect(topologyConsequence('delete', src, all)).toMatchObject({ tone: 'danger' })
    expect(topologyConsequence('restart', src, all)).toBe(undefined)
    expect(topologyConsequence('promote', inst({ id: 'alone' }), all)).toBe(undefined)
  })
})

describe('quota delta', () => {
  const a = inst({ id: 'a' })
  it('resize flavor: the RAM difference, over the limit is flagged', () => {
    const d = quotaDeltasFor('resize-flavor', { instance: a, flavors, newFlavorRef: '3' })
    expect(d).toEqual({ ram: 2048 })
    const c = quotaConsequence(
      d,
      { instances: 3, ram: 7000, volumes: 0, backups: 0 },
      { verb: 'ABSOLUTE', max_ram: 8192 },
    )
    expect(c?.kind === 'quota' && c.lines.map((l) => [l.before, l.after, l.exceeds])).toEqual([
      [7000, 9048, true],
    ])
    expect(c?.tone).toBe('danger')
  })
  it('resize volume and delete', () => {
    expect(quotaDeltasFor('resize-volume', { instance: a, newVolumeSize: 8 })).toEqual({
      volumes: 3,
    })
    const del = quotaConsequence(
      quotaDeltasFor('delete', { instance: a, flavors }),
      { instances: 3, ram: 6144, volumes: 15, backups: 0 },
      undefined,
    )
    expect(del?.kind === 'quota' && del.lines.map((l) => [l.resource, formatDelta(l)])).toEqual([
      ['instances', '−1'],
      ['ram', '−2048 MB'],
      ['volumes', '−5 GB'],
    ])
    expect(del?.text).toBe('Frees quota.')
    expect(quotaConsequence({ volumes: 0 }, undefined, undefined)).toBe(undefined)
  })
})

describe('backups on delete and pre-flight warnings', () => {
  const a = inst({ id: 'a', name: 'db' })
  it('every backup survives (Trove keeps them); a running one blocks the delete', () => {
    expect(
      backupsOnDelete(a, [backup({ id: 'b1' }), backup({ id: 'x', instance_id: 'z' })]).text,
    ).toMatch(/^All 1 backup of db \(1 restorable\) survive/)
    expect(backupsOnDelete(a, [backup({ id: 'b1', status: 'BUILDING' })]).tone).toBe('danger')
    expect(backupsOnDelete(a, []).text).toMatch(/no backup/)
  })
  it('no backup in the last 24 h', () => {
    const fresh = backup({ id: 'b', updated: '2026-12-05T09:00:00' })
    const old = backup({ id: 'c', updated: '2026-12-01T09:00:00' })
    expect(recentBackupWarning('delete', a, [fresh], NOW)).toBe(undefined)
    expect(recentBackupWarning('delete', a, [old], NOW)?.text).toBe(
      'No backup in the last 24 h: its last completed backup is 4 day(s) old.',
    )
    expect(recentBackupWarning('delete', a, [], NOW)?.text).toMatch(/no completed backup/)
    expect(recentBackupWarning('rename', a, [], NOW)).toBe(undefined)
  })
  it('RESTART_REQUIRED pending, and a replica on an older version', () => {
    const pending = inst({ id: 'a', operating_status: 'RESTART_REQUIRED' })
    expect(
      byId(preview({ action: 'resize-volume', instance: pending }), 'restart-required')?.text,
    ).toMatch(/^RESTART_REQUIRED pending/)
    expect(compareVersions('5.7.29', '8.0')).toBeLessThan(0)
    expect(compareVersions('8.0.32', '8.0')).toBeGreaterThan(0)
    const src = inst({ id: 's', datastore: { type: 'mysql', version: '8.0' } })
    const old = inst({
      id: 'r',
      replica_of: { id: 's' },
      datastore: { type: 'mysql', version: '5.7' },
    })
    const list = preview({ action: 'promote', instance: old, instances: [src, old] })
    expect(byId(list, 'older-replica')?.text).toMatch(/runs mysql 5.7, older than its source's 8.0/)
    expect(
      byId(preview({ action: 'restart', instance: src, instances: [src] }), 'older-replica'),
    ).toBe(undefined)
  })
  it('orders the most severe first', () => {
    const tones = preview({ action: 'delete', instance: a, backups: [] }).map((c) => c.tone)
    expect(tones).toEqual(
      [...tones].sort(
        (x, y) =>
          ['danger', 'warning', 'info'].indexOf(x) - ['danger', 'warning', 'info'].indexOf(y),
      ),
    )
    expect(tones[0]).toBe('danger')
  })
})

describe('type the name to delete', () => {
  it('public or replicated instances only', () => {
    expect(deleteNeedsTypedName(inst({ id: 'a' }))).toBe(false)
    expect(deleteNeedsTypedName(inst({ id: 'a', access: { is_public: true } }))).toBe(true)
    expect(
      deleteNeedsTypedName(inst({ id: 'a', addresses: [{ address: '1.2.3.4', type: 'public' }] })),
    ).toBe(true)
    expect(deleteNeedsTypedName(inst({ id: 'a', replica_of: { id: 's' } }))).toBe(true)
    expect(
      deleteNeedsTypedName(inst({ id: 's' }), [inst({ id: 'r', replica_of: { id: 's' } })]),
    ).toBe(true)
  })
})
